// The restore gate in Java, with the SDK generated from the provider plugin's schema.
package restoregate;

import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.huaweicloudrdsoffsite.HuaweicloudrdsoffsiteFunctions;
import com.pulumi.huaweicloudrdsoffsite.inputs.CheckRestoreTimeArgs;
import com.pulumi.huaweicloudrdsoffsite.inputs.GetOffsiteBackupInstancesArgs;

public final class App {
    public static void main(String[] args) {
        Pulumi.run(ctx -> {
            var config = ctx.config();
            var instanceId = config.require("sourceInstanceId");
            var restoreTime = config.require("restoreTime");

            // Each call runs during `pulumi preview`, in the plugin, and leaves nothing in state.
            // The instances whose backups are copied to the backup region, and the one to restore, looked up by its id.
            var listing = HuaweicloudrdsoffsiteFunctions.getOffsiteBackupInstances();
            var source = HuaweicloudrdsoffsiteFunctions.getOffsiteBackupInstances(
                GetOffsiteBackupInstancesArgs.builder().instanceId(instanceId).build());
            var check = HuaweicloudrdsoffsiteFunctions.checkRestoreTime(
                CheckRestoreTimeArgs.builder().instanceId(instanceId).restoreTime(restoreTime).build());

            // The gate: a time the backup cannot be restored to fails the program.
            var restorable = check.applyValue(result -> {
                if (!result.restorable()) {
                    throw new IllegalStateException("Cannot restore DB instance " + instanceId + " to " + restoreTime
                        + ": no restore time range of its cross-region backup contains that time");
                }
                return result.restorable();
            });

            ctx.export("instancesWithOffsiteBackups", listing.applyValue(result -> result.totalCount()));
            ctx.export("sourceRegion", source.applyValue(result -> result.instances().get(0).sourceRegion().orElse("")));
            ctx.export("restorable", restorable);
            ctx.export("restoreTime", check.applyValue(result -> result.restoreTime()));
        });
    }
}
