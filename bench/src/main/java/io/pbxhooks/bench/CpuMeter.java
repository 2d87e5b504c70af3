package io.pbxhooks.bench;

import java.util.OptionalLong;
import java.util.function.DoubleSupplier;

/**
 * CPU seconds spent by the server, the database and the receiver between {@link #start} and {@link #stop}. The database
 * is mariadbd on MariaDB; on H2 it runs inside the server, so it has no figure of its own.
 */
final class CpuMeter {

    record Usage(double serverSeconds, double databaseSeconds, double receiverSeconds) {
        /** CPU seconds per 1,000 units of work (deliveries or events). */
        String perThousand(long units) {
            if (units == 0) {
                return "n/a";
            }
            double scale = 1000.0 / units;
            return String.format("server %.3f s, database %s, receiver %.3f s", serverSeconds * scale,
                    Double.isNaN(databaseSeconds) ? "inside the server (H2)" : String.format("%.3f s", databaseSeconds * scale),
                    receiverSeconds * scale);
        }
    }

    private final long serverPid;
    private final OptionalLong databasePid;
    private final DoubleSupplier receiverSeconds;
    private double serverAtStart;
    private double databaseAtStart;
    private double receiverAtStart;

    CpuMeter(long serverPid, OptionalLong databasePid, DoubleSupplier receiverSeconds) {
        this.serverPid = serverPid;
        this.databasePid = databasePid;
        this.receiverSeconds = receiverSeconds;
    }

    void start() {
        serverAtStart = ProcessCpu.seconds(serverPid);
        databaseAtStart = databasePid.isPresent() ? ProcessCpu.seconds(databasePid.getAsLong()) : Double.NaN;
        receiverAtStart = receiverSeconds.getAsDouble();
    }

    Usage stop() {
        return new Usage(ProcessCpu.seconds(serverPid) - serverAtStart,
                databasePid.isPresent() ? ProcessCpu.seconds(databasePid.getAsLong()) - databaseAtStart : Double.NaN,
                receiverSeconds.getAsDouble() - receiverAtStart);
    }
}
