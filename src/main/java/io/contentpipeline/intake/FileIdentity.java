package io.contentpipeline.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Which file stands at a path: its file system key (device and inode on Linux, null where the
 * platform gives none), its size and its modification time. An author who saves a file again
 * under the same name either writes a new file and renames it over the old one (a new key) or
 * rewrites the old one in place (the same key, but a new modification time, and mostly a new
 * size): either way the identity taken before no longer matches. A rename keeps all three, so
 * a file moved out of the inbox is still known for the one that was read.
 *
 * @param key                the file system's key for the file, when the platform gives one
 * @param millisecondsOnly   whether {@code modified} is only known to the millisecond (as Camel's
 *                           CamelFileLastModified header gives it), so that it is compared so
 */
public record FileIdentity(Object key, long size, FileTime modified, boolean millisecondsOnly) {

    /** The identity of the file at this path now, the path itself when it is a link; null when there is none. */
    public static FileIdentity of(Path path) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new FileIdentity(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(), false);
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    /**
     * What the file consumer saw when it took the file (CamelFileLength, CamelFileLastModified),
     * for an exchange that never read it; null when either is missing.
     */
    public static FileIdentity taken(Long length, Long lastModifiedMillis) {
        if (length == null || lastModifiedMillis == null) {
            return null;
        }
        return new FileIdentity(null, length, FileTime.fromMillis(lastModifiedMillis), true);
    }

    /**
     * An identity written down earlier (a rejection's report): the key as {@link #keyText} gave it
     * (null when none was recorded), the size, and the time to the millisecond.
     */
    public static FileIdentity recorded(String keyText, long size, Instant modified) {
        return new FileIdentity(keyText, size, FileTime.from(modified), true);
    }

    /** The key as text, as it can be written down and read back ("(dev=803,ino=1234)" on Linux); null when there is none. */
    public String keyText() {
        return key == null ? null : key.toString();
    }

    /** Whether {@code now} (an identity read since, maybe at another path after a rename) is this very file, unchanged. */
    public boolean isSameFile(FileIdentity now) {
        if (now == null || size != now.size) {
            return false;
        }
        boolean sameTime = millisecondsOnly || now.millisecondsOnly
                ? modified.toMillis() == now.modified.toMillis()
                : modified.equals(now.modified);
        // Compared as text, so that a key read back from a report matches the file system's.
        return sameTime && (key == null || now.key == null || keyText().equals(now.keyText()));
    }
}
