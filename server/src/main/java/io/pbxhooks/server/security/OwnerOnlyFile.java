package io.pbxhooks.server.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/** A secret kept in a file of the data directory that only the server's user can read. */
final class OwnerOnlyFile {

    private OwnerOnlyFile() {
    }

    /** The file's content; when there is no file yet, a new value from {@code generator}, written first. */
    static String readOrCreate(Path file, Supplier<String> generator) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                try {
                    Files.writeString(Files.createFile(file, ownerOnly()), generator.get() + "\n", StandardCharsets.UTF_8);
                } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                    // Fall through and read what it wrote.
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
