package org.parley.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.platform.database.EmbeddedPostgresServer;

class EmbeddedPostgresServerTest {

    private static Connection connect(EmbeddedPostgresServer server) throws Exception {
        Map<String, String> settings = server.datasourceSettings();
        return DriverManager.getConnection("jdbc:" + settings.get("parley.db.url"),
                settings.get("parley.db.username"), settings.get("parley.db.password"));
    }

    @Test
    void dataSurvivesAStopAndAStartInTheSameFolder(@TempDir Path folder) throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(folder);
                Connection connection = connect(first);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (value TEXT)");
            statement.execute("INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(folder);
                Connection connection = connect(second);
                Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("SELECT value FROM kept");
            rows.next();
            assertEquals("still here", rows.getString(1));
        }
    }
}
