package io.affinitygrid.compute.admin;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.ignite.DataRegionMetrics;
import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeJobResultPolicy;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.configuration.DataRegionConfiguration;
import org.apache.ignite.configuration.DataStorageConfiguration;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * Every server node describes itself ({@link MemberInfo}): one job per node, since heap and data-region use are
 * known only on the node. A node that leaves before it answers is left out. Result: sorted by node name. Invoke by
 * {@code CatalogTasks.MEMBERS}.
 */
public final class MembersTask extends ComputeTaskAdapter<Object, List<MemberInfo>> {

    private static final long serialVersionUID = 1L;

    @IgniteInstanceResource
    private transient Ignite ignite;

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, Object argument) {
        Map<ComputeJob, ClusterNode> jobs = new HashMap<>();
        for (ClusterNode node : ignite.cluster().forServers().nodes()) {
            jobs.put(new Describe(), node);
        }
        return jobs;
    }

    @Override
    public ComputeJobResultPolicy result(ComputeJobResult result, List<ComputeJobResult> received) {
        return ComputeJobResultPolicy.WAIT;
    }

    @Override
    public List<MemberInfo> reduce(List<ComputeJobResult> results) {
        List<MemberInfo> members = new ArrayList<>();
        for (ComputeJobResult result : results) {
            if (result.getException() == null && result.getData() instanceof MemberInfo member) {
                members.add(member);
            }
        }
        members.sort(Comparator.comparing(MemberInfo::name));
        return members;
    }

    /** Describes the node it runs on. */
    static final class Describe extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        @IgniteInstanceResource
        private transient Ignite ignite;

        @Override
        public Object execute() {
            ClusterNode local = ignite.cluster().localNode();
            ClusterNode oldest = ignite.cluster().forServers().forOldest().node();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
            long uptime = System.currentTimeMillis() - local.metrics().getNodeStartTime();
            return new MemberInfo(String.valueOf(local.consistentId()), local.id().toString(), new ArrayList<>(local.addresses()),
                    java, heap.getUsed(), heap.getMax(), regions(), uptime, oldest != null && oldest.id().equals(local.id()));
        }

        private List<RegionUse> regions() {
            Map<String, Long> maxSizes = new java.util.LinkedHashMap<>();
            DataStorageConfiguration storage = ignite.configuration().getDataStorageConfiguration();
            if (storage != null) {
                DataRegionConfiguration fallback = storage.getDefaultDataRegionConfiguration();
                if (fallback != null) {
                    maxSizes.put(fallback.getName(), fallback.getMaxSize());
                }
                if (storage.getDataRegionConfigurations() != null) {
                    for (DataRegionConfiguration region : storage.getDataRegionConfigurations()) {
                        maxSizes.put(region.getName(), region.getMaxSize());
                    }
                }
            }
            List<RegionUse> regions = new ArrayList<>();
            maxSizes.forEach((name, max) -> {
                DataRegionMetrics metrics = ignite.dataRegionMetrics(name);
                regions.add(new RegionUse(name, metrics == null ? 0 : metrics.getTotalUsedSize(), max));
            });
            return regions;
        }
    }
}
