package io.affinitygrid.compute;

/** What a {@code ScanTask} scans: a cache, and optionally only the entries that match a filter. */
public interface ScanSpec {

    /** The cache to scan. */
    String cacheName();

    /** Only entries matching this filter are aggregated; {@code null} for all. */
    Filter filter();
}
