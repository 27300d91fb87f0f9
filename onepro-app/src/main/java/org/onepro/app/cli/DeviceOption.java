package org.onepro.app.cli;

import ai.djl.Device;
import org.onepro.model.internal.Devices;
import picocli.CommandLine.Option;

/** {@code --device cpu|gpu|gpu:N}, mixed into every command that runs the model. */
public final class DeviceOption {

    @Option(names = "--device", paramLabel = "cpu|gpu[:N]", defaultValue = "cpu",
            description = "where the model runs: cpu (default), gpu (the first GPU) or gpu:N; a GPU needs the CUDA"
                    + " build (docs/platforms.md)")
    String device = "cpu";

    /**
     * The chosen device.
     *
     * @throws org.onepro.core.error.InvalidInputException for text that names no device
     */
    Device device() {
        return Devices.parse(device, "--device");
    }
}
