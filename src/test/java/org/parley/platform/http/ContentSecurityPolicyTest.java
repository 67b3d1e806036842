package org.parley.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The policy text, built without a server. */
class ContentSecurityPolicyTest {

    private static List<String> directives(String policy) {
        return Arrays.stream(policy.split(";")).map(String::trim).toList();
    }

    @Test
    void thePolicyAllowsNothingInlineNoPluginsNoFramingAndNoBaseTag() {
        List<String> directives = directives(ContentSecurityPolicy.forIdentityProvider(Optional.empty())
                .forHost("localhost:8080"));
        assertTrue(directives.contains("default-src 'self'"), directives.toString());
        assertTrue(directives.contains("script-src 'self'"), directives.toString());
        assertTrue(directives.contains("style-src 'self'"), directives.toString());
        assertTrue(directives.contains("object-src 'none'"), directives.toString());
        assertTrue(directives.contains("base-uri 'none'"), directives.toString());
        assertTrue(directives.contains("frame-ancestors 'none'"), directives.toString());
        assertFalse(String.join(";", directives).contains("unsafe-"), directives.toString());
    }

    @Test
    void connectSrcIsThisServerAndItsRoomSocketsOnly() {
        String policy = ContentSecurityPolicy.forIdentityProvider(Optional.empty()).forHost("parley.example:8443");
        assertTrue(directives(policy).contains("connect-src 'self' ws://parley.example:8443 wss://parley.example:8443"),
                policy);
    }

    @Test
    void connectSrcNamesTheOriginOfTheKeycloakRealmTheBrowserSignsInWith() {
        String policy = ContentSecurityPolicy.forIdentityProvider(
                Optional.of("https://sso.example-court.org/realms/parley")).forHost("parley.example");
        assertTrue(directives(policy).contains("connect-src 'self' https://sso.example-court.org "
                + "ws://parley.example wss://parley.example"), policy);
    }

    @Test
    void aHostHeaderThatCouldInjectADirectiveIsLeftOutOfThePolicy() {
        String policy = ContentSecurityPolicy.forIdentityProvider(Optional.empty())
                .forHost("evil.example; script-src *");
        assertTrue(directives(policy).contains("connect-src 'self'"), policy);
        assertFalse(policy.contains("evil"), policy);
        assertFalse(ContentSecurityPolicy.forIdentityProvider(Optional.empty()).forHost(null).contains("ws:"));
    }

    @Test
    void onlyHttpIssuersBecomeSources() {
        assertEquals(Optional.of("http://127.0.0.1:8180"), ContentSecurityPolicy.origin("http://127.0.0.1:8180/realms/x"));
        assertEquals(Optional.empty(), ContentSecurityPolicy.origin("javascript:alert(1)"));
        assertEquals(Optional.empty(), ContentSecurityPolicy.origin("not a url"));
    }
}
