package org.parley.media.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.parley.media.janus.JanusEndpoint;

/**
 * Writes the configuration of an embedded Janus. Written whole rather than edited from the stock files in
 * {@code /etc/janus}: those load every plugin and transport, ship demo rooms with a published secret and a
 * well-known admin secret, and their layout changes between releases. Only the modules Parley uses are linked in.
 */
final class JanusConfigFiles {

    private static final Pattern RTP_PORTS = Pattern.compile("\\d{1,5}-\\d{1,5}");

    private JanusConfigFiles() {
    }

    static void write(Path directory, Path modules, JanusEndpoint endpoint, int apiPort, int adminPort,
                      String rtpPorts) throws IOException {
        if (!RTP_PORTS.matcher(rtpPorts).matches()) {
            throw new IllegalArgumentException("RTP ports must look like 20000-20200");
        }
        // Janus loads every module in its folders: folders holding only VideoRoom and the HTTP transport mean no
        // WebSocket transport, no other plugin and no event handler can be loaded by mistake.
        Path plugins = Files.createDirectories(directory.resolve("plugins"));
        Path transports = Files.createDirectories(directory.resolve("transports"));
        Path none = Files.createDirectories(directory.resolve("none"));
        link(plugins, modules.resolve("plugins/libjanus_videoroom.so"));
        link(transports, modules.resolve("transports/libjanus_http.so"));

        write(directory.resolve("janus.jcfg"), """
                general: {
                \tconfigs_folder = "%s"
                \tplugins_folder = "%s"
                \ttransports_folder = "%s"
                \tevents_folder = "%s"
                \tloggers_folder = "%s"
                \tdebug_level = 4
                \tapi_secret = "%s"
                \tadmin_secret = "%s"
                \tsession_timeout = 60
                }
                media: {
                \trtp_port_range = "%s"
                }
                nat: {
                \tice_ignore_list = "vmnet"
                }
                events: {
                \tbroadcast = false
                }
                """.formatted(directory, plugins, transports, none, none, endpoint.apiSecret(),
                endpoint.adminSecret(), rtpPorts));
        write(directory.resolve("janus.transport.http.jcfg"), """
                general: {
                \tjson = "compact"
                \tbase_path = "/janus"
                \thttp = true
                \tport = %d
                \tip = "127.0.0.1"
                \thttps = false
                }
                admin: {
                \tadmin_base_path = "/admin"
                \tadmin_http = true
                \tadmin_port = %d
                \tadmin_ip = "127.0.0.1"
                \tadmin_https = false
                }
                """.formatted(apiPort, adminPort));
        // admin_key: only a holder of the key (Parley) may create rooms; no RTP forwarding without it either.
        write(directory.resolve("janus.plugin.videoroom.jcfg"), """
                general: {
                \tadmin_key = "%s"
                \tlock_rtp_forward = true
                }
                """.formatted(endpoint.roomAdminKey().orElseThrow()));
    }

    private static void link(Path folder, Path module) throws IOException {
        if (!Files.exists(module)) {
            throw new IOException("Janus module missing: " + module);
        }
        Files.createSymbolicLink(folder.resolve(module.getFileName()), module);
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
    }
}
