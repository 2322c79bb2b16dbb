package io.contentpipeline.language;

/** A language detection result: ISO 639-1 code (or "und" when unknown) and the confidence, 0 to 1: how often the detector is right on a text of as many words. */
public record DetectedLanguage(String language, double confidence) {

    public static final DetectedLanguage UNKNOWN = new DetectedLanguage("und", 0);

    public boolean isConfident(double threshold) {
        return !UNKNOWN.language.equals(language) && confidence >= threshold;
    }
}
