package io.contentpipeline.language;

/** A language detection result: ISO 639-1 code (or "und" when unknown) and the detector's confidence, 0 to 1. */
public record DetectedLanguage(String language, double confidence) {

    public static final DetectedLanguage UNKNOWN = new DetectedLanguage("und", 0);

    public boolean isConfident(double threshold) {
        return !UNKNOWN.language.equals(language) && confidence >= threshold;
    }
}
