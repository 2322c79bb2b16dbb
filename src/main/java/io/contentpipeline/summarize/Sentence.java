package io.contentpipeline.summarize;

/** A candidate sentence: its text, its place in the article and its weighted content terms. */
record Sentence(String text, int position, int paragraph, TermVector vector) {

    double cosine(Sentence other) {
        return vector.cosine(other.vector);
    }
}
