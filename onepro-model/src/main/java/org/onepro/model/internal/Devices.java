package org.onepro.model.internal;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.onepro.core.error.InvalidInputException;

/** Names and checks devices: {@code cpu}, {@code gpu} or {@code gpu:N}, refused before any native memory is taken. */
public final class Devices {

    private Devices() {
    }

    /**
     * Returns {@code device} if this machine can run the model on it.
     *
     * @throws InvalidInputException for a GPU that DJL's PyTorch engine cannot see (none, or fewer than the index)
     */
    public static Device checked(Device device) {
        if (device == null) {
            throw new InvalidInputException("a device is required (Device.cpu() or Device.gpu(N))");
        }
        if (device.isGpu()) {
            int gpus = Engine.getEngine("PyTorch").getGpuCount();
            if (device.getDeviceId() >= gpus) {
                throw new InvalidInputException("GPU " + device.getDeviceId() + " was asked for, but the PyTorch "
                        + "engine finds " + gpus + " GPU(s) here: the default build carries CPU natives only, and a "
                        + "GPU needs the CUDA build (docs/platforms.md) and a visible NVIDIA device");
            }
        }
        return device;
    }

    /**
     * Parses {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N}.
     *
     * @param where how a refusal names the setting, e.g. {@code --device}
     * @throws InvalidInputException for anything else
     */
    public static Device parse(String text, String where) {
        String d = text == null ? "cpu" : text.trim().toLowerCase(java.util.Locale.ROOT);
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
        throw new InvalidInputException(where + " takes cpu, gpu or gpu:N (N = 0, 1, ...), not '" + text + "'");
    }
}
