package io.affinitygrid.compute.deploy;

import java.util.ArrayList;
import java.util.Comparator;

import javax.cache.Cache;

import io.affinitygrid.compute.SingleJobTask;
import org.apache.ignite.Ignite;

/**
 * Lists the deployments, sorted by name. Argument: {@code Boolean.TRUE} to include undeployed names (their last
 * version), anything else for the active ones only; result: an {@code ArrayList} of {@link DeploymentInfo}.
 * Works with deployment off too (then it lists what is stored). Invoke by {@link #NAME}.
 */
public final class ListDeploymentsTask extends SingleJobTask<Boolean, ArrayList<DeploymentInfo>> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.deploy.ListDeploymentsTask";

    private static final long serialVersionUID = 1L;

    @Override
    protected ArrayList<DeploymentInfo> answer(Ignite ignite, Boolean includeRemoved) {
        ArrayList<DeploymentInfo> list = new ArrayList<>();
        for (Cache.Entry<String, DeploymentRecord> entry : Deployments.cache(ignite)) {
            DeploymentRecord record = entry.getValue();
            if (!record.removed() || Boolean.TRUE.equals(includeRemoved)) {
                list.add(record.info());
            }
        }
        list.sort(Comparator.comparing(DeploymentInfo::name));
        return list;
    }
}
