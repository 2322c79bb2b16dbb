package io.contentpipeline.article;

import java.time.Instant;

/**
 * What a bundle records of the input it took one language version from: the file's name and
 * when the bundle took it in ({@code input_file} and {@code accepted_at} in bundle.json). An
 * accepted input is archived under that time, so that the intake can tell the input itself,
 * still in the inbox after a crash (no archived copy yet), from the same content dropped again.
 */
public record InputInBundle(String file, Instant acceptedAt) {

    /** A stage result that found, or put, its input's content in a bundle. */
    public interface Named {

        /** The input the bundle took this content from; null when no bundle holds it under this slug. */
        InputInBundle inputInBundle();
    }
}
