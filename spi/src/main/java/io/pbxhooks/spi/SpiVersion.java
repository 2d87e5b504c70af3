package io.pbxhooks.spi;

/**
 * The version of this SPI. A plugin returns {@link #CURRENT} from {@link Plugin#spiVersion()}; because
 * it is a compile-time constant, the plugin's class file keeps the value it was compiled against, and
 * the host refuses plugins outside {@link #OLDEST_SUPPORTED}..{@link #CURRENT}.
 *
 * <p>Raise {@link #CURRENT} when the SPI changes in a way old plugins cannot follow; raise
 * {@link #OLDEST_SUPPORTED} only when dropping support for them.
 */
public final class SpiVersion {

    public static final int CURRENT = 1;
    public static final int OLDEST_SUPPORTED = 1;

    private SpiVersion() {
    }

    public static boolean isSupported(int version) {
        return version >= OLDEST_SUPPORTED && version <= CURRENT;
    }
}
