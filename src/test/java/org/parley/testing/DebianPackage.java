package org.parley.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Debian package a test needs (Chromium, Janus, coturn): installed with {@code apt-get} when its binary is missing
 * and the tests run as root, as on a fresh CI machine, so that the README's one test command needs nothing else.
 */
public final class DebianPackage {

    private DebianPackage() {
    }

    /** Whether the tests may install packages here. */
    public static boolean installable() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Installs {@code name} unless {@code binary} is already executable (or we are not root); the package lists are
     * refreshed only when a first try fails. Returns whether the binary is there now.
     */
    public static boolean installWhenMissing(Path binary, String name, String who) {
        if (!Files.isExecutable(binary) && installable()) {
            System.out.println(who + ": " + binary + " is missing; installing Debian's " + name
                    + " package (apt-get install -y " + name + ")");
            if (!apt("install", "-y", "-q", name)) {
                apt("update", "-q");
                apt("install", "-y", "-q", name);
            }
        }
        return Files.isExecutable(binary);
    }

    private static boolean apt(String... arguments) {
        List<String> command = new ArrayList<>(List.of("apt-get"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        try {
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
