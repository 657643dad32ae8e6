package io.affinitygrid.compute.deploy;

import javax.cache.processor.EntryProcessor;
import javax.cache.processor.MutableEntry;

/**
 * Stores a deployment record only if the stored one still has the version the task read (0: none stored), so
 * that two deploys of one name at once cannot both win. Answers whether it stored.
 */
final class CommitProcessor implements EntryProcessor<String, DeploymentRecord, Boolean>, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final int expectedVersion;
    private final DeploymentRecord record;

    CommitProcessor(int expectedVersion, DeploymentRecord record) {
        this.expectedVersion = expectedVersion;
        this.record = record;
    }

    @Override
    public Boolean process(MutableEntry<String, DeploymentRecord> entry, Object... arguments) {
        int stored = entry.exists() ? entry.getValue().version() : 0;
        if (stored != expectedVersion) {
            return false;
        }
        entry.setValue(record);
        return true;
    }
}
