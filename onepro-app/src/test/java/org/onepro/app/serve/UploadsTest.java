package org.onepro.app.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.onepro.core.image.Image;

class UploadsTest {

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY), "png", out);
        return out.toByteArray();
    }

    @Test
    void anUploadIsKeptAsItsBytesAndDecodedWhenUsed() throws IOException {
        Uploads uploads = new Uploads();
        byte[] big = png(4096, 4096);
        String id = uploads.add("big.png", big);
        // The float image would take 4096 * 4096 * 4 bytes = 64 MiB; the upload keeps the file's bytes only.
        assertEquals(big.length, uploads.keptBytes());
        assertTrue(big.length < 1_000_000, "a black PNG compresses: " + big.length);
        Image image = uploads.get(id);
        assertEquals(4096, image.height());
        assertEquals(4096, image.width());
    }

    @Test
    void theOldestUploadsAreDroppedPastTheCount() throws IOException {
        Uploads uploads = new Uploads();
        byte[] small = png(8, 8);
        String first = uploads.add("first.png", small);
        for (int i = 0; i < Uploads.MAX_KEPT; i++) {
            uploads.add("n" + i + ".png", small);
        }
        assertEquals(Uploads.MAX_KEPT, uploads.ids().size());
        assertEquals((long) Uploads.MAX_KEPT * small.length, uploads.keptBytes());
        ApiException gone = assertThrows(ApiException.class, () -> uploads.get(first));
        assertEquals(404, gone.status());
    }
}
