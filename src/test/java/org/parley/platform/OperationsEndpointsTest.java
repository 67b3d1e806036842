package org.parley.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    @Inject
    Pool pool;

    @Test
    void migrationsAreAppliedToThePostgresDatabase() {
        List<String> versions = new ArrayList<>();
        for (Row row : pool.query("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .execute().await().atMost(Duration.ofSeconds(10))) {
            versions.add(row.getString("version"));
        }
        org.junit.jupiter.api.Assertions.assertTrue(versions.contains("1"), "V1 applied: " + versions);
        List<String> tables = new ArrayList<>();
        for (Row row : pool.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .execute().await().atMost(Duration.ofSeconds(10))) {
            tables.add(row.getString("table_name"));
        }
        org.hamcrest.MatcherAssert.assertThat(tables, hasItems("court", "mediation_case", "case_participant"));
    }

    @Test
    void readinessIsUpWhenTheDatabaseAnswers() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check"));
    }

    @Test
    void livenessOpenApiAndMetricsAreServed() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/me"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theBrowserClientIsServedAtTheRoot() {
        given().when().get("/").then().statusCode(200).body(containsString("Parley"));
    }
}
