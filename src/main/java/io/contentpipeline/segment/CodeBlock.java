package io.contentpipeline.segment;

/** A fenced or indented code block: its code, and the file line where the block starts. */
public record CodeBlock(String code, int line) {
}
