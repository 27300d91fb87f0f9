package org.onepro.dicom;

import java.util.Map;
import java.util.Set;

/**
 * Which transfer syntaxes are read. The uncompressed ones are decoded and tested; every other one, compressed or
 * unknown, is refused by name, so a user learns to decompress the series instead of getting wrong pixels.
 */
final class TransferSyntax {

    private static final Set<String> READ = Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1");

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("1.2.840.10008.1.2", "Implicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.1", "Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian"),
            Map.entry("1.2.840.10008.1.2.2", "Explicit VR Big Endian"),
            Map.entry("1.2.840.10008.1.2.4.50", "JPEG Baseline"),
            Map.entry("1.2.840.10008.1.2.4.51", "JPEG Extended"),
            Map.entry("1.2.840.10008.1.2.4.57", "JPEG Lossless"),
            Map.entry("1.2.840.10008.1.2.4.70", "JPEG Lossless, first-order prediction"),
            Map.entry("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless"),
            Map.entry("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless"),
            Map.entry("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless"),
            Map.entry("1.2.840.10008.1.2.4.91", "JPEG 2000"),
            Map.entry("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Lossless"),
            Map.entry("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000"),
            Map.entry("1.2.840.10008.1.2.5", "RLE Lossless"));

    private TransferSyntax() {
    }

    /**
     * Refuses a file whose transfer syntax is not read. A file without a meta header is taken as Implicit VR
     * Little Endian, as the standard says.
     */
    static void check(DicomHeader header) {
        String uid = header.text(DicomHeader.TRANSFER_SYNTAX, "1.2.840.10008.1.2").replace("\0", "").trim();
        if (READ.contains(uid)) {
            return;
        }
        String name = NAMES.getOrDefault(uid, "an unknown transfer syntax");
        throw header.invalid("is stored as " + name + " (" + uid + "), which is not read; only uncompressed "
                + String.join(" and ", READ.stream().map(NAMES::get).sorted().toList())
                + " are. Decompress the series first (for example: gdcmconv --raw IN OUT, or dcmdjpeg IN OUT)");
    }
}
