package io.contentpipeline.intake;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The files a file consumer has taken and not yet committed: exactly those, however many
 * names the inbox has seen. Camel's default in-progress repository is an LRU cache whose
 * change log keeps one entry per distinct key ever added, removed keys included (Camel 4.18's
 * {@code SimpleLRUCache} compacts that log by key, but never drops a key that left the map).
 * Every article and return arrives under a new name, so the default one grew with each input
 * for as long as the service ran (about 1 KB a file, measured with class histograms) and,
 * past twice its 50,000 entries, compacted the whole log on every later file. A set holds
 * a file from the poll that takes it until its commit or rollback, as Camel's consumer asks,
 * and nothing after.
 */
public final class InProgressFiles extends ServiceSupport implements IdempotentRepository {

    private final Set<String> files = ConcurrentHashMap.newKeySet();

    @Override
    public boolean add(String file) {
        return files.add(file);
    }

    @Override
    public boolean contains(String file) {
        return files.contains(file);
    }

    @Override
    public boolean remove(String file) {
        return files.remove(file);
    }

    /** Nothing to confirm: a file is in progress from {@link #add} until {@link #remove}. */
    @Override
    public boolean confirm(String file) {
        return true;
    }

    @Override
    public void clear() {
        files.clear();
    }

    /** Files taken and not yet committed or rolled back. */
    public int size() {
        return files.size();
    }
}
