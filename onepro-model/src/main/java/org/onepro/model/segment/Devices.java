package org.onepro.model.segment;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.onepro.core.error.InvalidInputException;

/** Checks a requested device before any native memory is taken on it. */
final class Devices {

    private Devices() {
    }

    /**
     * Returns {@code device} if this machine can run the model on it.
     *
     * @throws InvalidInputException for a GPU that DJL's PyTorch engine cannot see (none, or fewer than the index)
     */
    static Device checked(Device device) {
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
}
