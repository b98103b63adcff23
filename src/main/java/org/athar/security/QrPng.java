package org.athar.security;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A QR code as a black-on-white PNG: zxing's core encoder lays out the modules, the JDK draws and writes the image
 * (zxing's own "javase" module would do the same but brings a command-line parser and an image codec Athar does
 * not need).
 */
final class QrPng {

    private QrPng() {}

    /**
     * @throws WriterException when the text does not fit in a QR code
     */
    static byte[] of(String text, int size) throws WriterException {
        BitMatrix modules = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size);
        BufferedImage image =
                new BufferedImage(modules.getWidth(), modules.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < modules.getHeight(); y++) {
            for (int x = 0; x < modules.getWidth(); x++) {
                image.setRGB(x, y, modules.get(x, y) ? 0xff000000 : 0xffffffff);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return png.toByteArray();
    }
}
