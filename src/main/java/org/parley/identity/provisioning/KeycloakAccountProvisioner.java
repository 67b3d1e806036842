package org.parley.identity.provisioning;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.parley.identity.Roles;
import org.parley.platform.problem.ApiException;

/**
 * Creates and links Keycloak accounts through the admin REST API with the {@code parley-server} service account.
 */
public class KeycloakAccountProvisioner implements AccountProvisioner {

    static final String COURT_ATTRIBUTE = "court";
    static final String SEPARATION_OF_DUTIES = "separation_of_duties";
    static final List<String> REQUIRED_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");

    private static final Logger LOG = Logger.getLogger(KeycloakAccountProvisioner.class);
    // Keycloak 26's username-prohibited-characters rule; the email becomes the user name, so refuse it here,
    // before anything is sent to Keycloak.
    private static final Pattern USERNAME_PROHIBITED =
            Pattern.compile("[<>&\"'\\s\\v\\h$%!#?§,;:*~/\\\\|^=\\[\\]{}()`\\p{Cntrl}]");
    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_USERNAME = 255;

    private final RealmResource realm;

    /**
     * @param keycloak  the admin client, one for the application (see {@link KeycloakAdminClientProducer})
     * @param realmName the realm whose users are provisioned
     */
    public KeycloakAccountProvisioner(Keycloak keycloak, String realmName) {
        // One client for the application, so one realm resource too: building it sends nothing to Keycloak.
        this.realm = keycloak.realm(realmName);
    }

    @Override
    public Uni<ProvisionedAccount> provision(String email, String displayName, String realmRole, String court) {
        String username = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (username.isEmpty() || username.length() > MAX_USERNAME || USERNAME_PROHIBITED.matcher(username).find()) {
            return Uni.createFrom().failure(ApiException.invalid("this email cannot be used as an account name"));
        }
        return onWorker(realm -> provisionBlocking(realm, username, PersonName.of(displayName), realmRole, court));
    }

    @Override
    public Uni<Boolean> isEnabled(String subject) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            return Uni.createFrom().item(false); // never put an unchecked value into an admin API path
        }
        return onWorker(realm -> {
            try {
                return Boolean.TRUE.equals(realm.users().get(subject).toRepresentation().isEnabled());
            } catch (WebApplicationException e) {
                if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Uni<Boolean> disable(String subject) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            return Uni.createFrom().item(false);
        }
        return onWorker(realm -> {
            UserResource user = realm.users().get(subject);
            UserRepresentation representation;
            try {
                representation = user.toRepresentation();
            } catch (WebApplicationException e) {
                if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                    return false;
                }
                throw e;
            }
            if (Boolean.TRUE.equals(representation.isEnabled())) {
                representation.setEnabled(false);
                user.update(representation);
            }
            LOG.infof("disabled Keycloak account %s", subject);
            return true;
        });
    }

    @Override
    public Uni<Boolean> delete(String subject) {
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            return Uni.createFrom().item(false);
        }
        return onWorker(realm -> {
            try (Response response = realm.users().delete(subject)) {
                if (response.getStatus() == 404) {
                    return false;
                }
                if (response.getStatus() / 100 != 2) {
                    throw unavailable(response.getStatus());
                }
            } catch (WebApplicationException e) {
                if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                    return false;
                }
                throw e;
            }
            LOG.infof("deleted Keycloak account %s", subject);
            return true;
        });
    }

    private ProvisionedAccount provisionBlocking(RealmResource realm, String email, PersonName name, String realmRole,
            String court) {
        // Read the role first: an unknown role fails before any account is created.
        RoleRepresentation role = realm.roles().get(realmRole).toRepresentation();
        Optional<String> existing = findByEmail(realm, email);
        if (existing.isPresent()) {
            return link(realm, existing.get(), role, court);
        }
        Optional<String> created = create(realm, email, name, court);
        if (created.isEmpty()) {
            // Another invitation created it a moment ago, or a user name equal to this email holds another email.
            return findByEmail(realm, email).map(id -> link(realm, id, role, court))
                    .orElseThrow(() -> ApiException.conflict("account_conflict",
                            "an account with this user name but another email exists"));
        }
        String id = created.get();
        realm.users().get(id).roles().realmLevel().add(List.of(role));
        LOG.infof("created Keycloak account %s in court %s with realm role %s", id, court, role.getName());
        return ProvisionedAccount.created(id);
    }

    private static Optional<String> findByEmail(RealmResource realm, String email) {
        List<UserRepresentation> found = realm.users().searchByEmail(email, true);
        // The realm forbids duplicate emails; exact search still double-checks the match.
        return found.stream().filter(user -> email.equalsIgnoreCase(user.getEmail()))
                .map(UserRepresentation::getId).findFirst();
    }

    private static ProvisionedAccount link(RealmResource realm, String id, RoleRepresentation role, String court) {
        UserResource user = realm.users().get(id);
        Map<String, List<String>> attributes = user.toRepresentation().getAttributes();
        List<String> courts = attributes == null ? null : attributes.get(COURT_ATTRIBUTE);
        // Never move an account between tenants; an account without a court (e.g. a realm admin) is not linked
        // either, since adopting it would hand a court's roles to somebody no court vouched for.
        if (courts == null || courts.size() != 1 || !court.equals(courts.get(0))) {
            LOG.infof("refused to link Keycloak account %s to court %s: it belongs to another court or none", id, court);
            throw ApiException.conflict("account_in_other_court", "an account with this email belongs to another court");
        }
        // Separation of duties: whoever administers the court is never made a participant of its cases. Checked
        // on the effective roles (composites and groups included), before the account is changed in any way.
        boolean administersCourt = user.roles().realmLevel().listEffective().stream()
                .anyMatch(held -> Roles.COURT_ADMIN.equals(held.getName()));
        if (administersCourt) {
            LOG.infof("refused to link Keycloak account %s to a case of court %s: it holds the court-admin role", id,
                    court);
            throw ApiException.conflict(SEPARATION_OF_DUTIES,
                    "an account that administers the court cannot take part in its cases");
        }
        boolean hasRole = user.roles().realmLevel().listAll().stream()
                .anyMatch(held -> role.getName().equals(held.getName()));
        if (!hasRole) {
            user.roles().realmLevel().add(List.of(role));
        }
        LOG.infof("linked Keycloak account %s in court %s (realm role %s %s)", id, court, role.getName(),
                hasRole ? "already held" : "added");
        return ProvisionedAccount.linked(id);
    }

    /** The new account's id, or empty when Keycloak answers that the user name or email is taken. */
    private static Optional<String> create(RealmResource realm, String email, PersonName name, String court) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setFirstName(name.first());
        user.setLastName(name.last());
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.setAttributes(Map.of(COURT_ATTRIBUTE, List.of(court)));
        user.setRequiredActions(REQUIRED_ACTIONS);
        try (Response response = realm.users().create(user)) {
            return createdId(response, response.getStatus());
        } catch (WebApplicationException e) {
            return createdId(e.getResponse(), e.getResponse() == null ? 500 : e.getResponse().getStatus());
        }
    }

    private static Optional<String> createdId(Response response, int status) {
        if (status == 201) {
            return Optional.of(CreatedResponseUtil.getCreatedId(response));
        }
        if (status == 409) {
            return Optional.empty();
        }
        if (status == 400) {
            throw ApiException.invalid("the identity provider refused this email or name");
        }
        throw unavailable(status);
    }

    /**
     * Runs blocking admin-client calls on a worker thread and delivers the result back on the caller's Vert.x
     * context, where a reactive Hibernate session of the caller may continue.
     */
    private <T> Uni<T> onWorker(Function<RealmResource, T> work) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<T> blocking = Uni.createFrom().item(() -> translated(work, realm))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
            return caller == null ? blocking : blocking.emitOn(task -> caller.runOnContext(ignored -> task.run()));
        });
    }

    private static <T> T translated(Function<RealmResource, T> work, RealmResource realm) {
        try {
            return work.apply(realm);
        } catch (WebApplicationException e) {
            // Keycloak's status and body stay here: a 401 of the service account must not become the caller's 401.
            throw unavailable(e.getResponse() == null ? 500 : e.getResponse().getStatus());
        } catch (ProcessingException e) {
            LOG.warnf("the Keycloak admin API could not be reached: %s", e.getClass().getSimpleName());
            throw new ApiException(502, "identity_provider_unavailable", "the identity provider could not be reached");
        }
    }

    private static ApiException unavailable(int status) {
        LOG.warnf("the Keycloak admin API answered HTTP %d", status);
        return new ApiException(502, "identity_provider_unavailable",
                "the identity provider could not complete the request");
    }
}
