package io.contentpipeline.intake;

/**
 * The file taken from the inbox was gone when the intake came to read it: moved or deleted
 * between the poll and the read, alone or with the whole home (a home moved away while the
 * pipeline runs). Nothing was read, so there is nothing to process, reject or keep: the
 * intake routes end the exchange quietly (InboxFiles said so in one line), and the file
 * consumer leaves nothing behind ({@link InboxCommit}). Not an IOException: those are faults
 * waited out with the file kept in the inbox, and this file is no longer there.
 */
public final class InputGoneException extends Exception {

    public InputGoneException(String file) {
        super(file + " was taken out of the inbox before it was read");
    }
}
