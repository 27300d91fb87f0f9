package org.onepro.app.cli;

import ai.djl.Device;
import java.util.Locale;
import org.onepro.core.error.InvalidInputException;
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
     * @throws InvalidInputException for text that names no device
     */
    Device device() {
        String d = device == null ? "cpu" : device.trim().toLowerCase(Locale.ROOT);
        if (d.equals("cpu")) {
            return Device.cpu();
        }
        if (d.equals("gpu")) {
            return Device.gpu(0);
        }
        if (d.startsWith("gpu:")) {
            try {
                int index = Integer.parseInt(d.substring(4));
                if (index >= 0) {
                    return Device.gpu(index);
                }
            } catch (NumberFormatException e) {
                // reported below with the accepted forms
            }
        }
        throw new InvalidInputException("--device takes cpu, gpu or gpu:N (N = 0, 1, ...), not '" + device + "'");
    }
}
