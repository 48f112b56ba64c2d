package io.tracewell.trace.serial;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.common.HybridBinarizer;
import io.tracewell.epcis.id.AiValue;
import io.tracewell.epcis.id.ElementString;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Symbols rendered by Okapi read back by an independent decoder (ZXing), and the SVG form. */
class BarcodeRendererTest {

    private static final String GS = "\u001D";

    private final BarcodeRenderer renderer = new BarcodeRenderer("https://resolver.example.com");

    /** A serial with characters that need care: a separator is needed after it only if it is not last. */
    private static final ElementString FULL = ElementString.of(new AiValue("01", "09506000134352"),
            new AiValue("17", "271231"), new AiValue("10", "LOT/7-a"), new AiValue("21", "aZ9%&(*+,-./:;<"));

    @Test
    void dataMatrixPngDecodesToTheElementStringWithFnc1() throws Exception {
        byte[] png = renderer.render(FULL, SymbolType.DATAMATRIX, ImageFormat.PNG);

        Result result = decode(png, BarcodeFormat.DATA_MATRIX);
        // ]d2: DataMatrix with FNC1 in first position, i.e. GS1 DataMatrix (ISO/IEC 15424).
        assertThat(result.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER)).isEqualTo("]d2");
        // ZXing reports each FNC1 as GS: the leading one, then none after 17 (predefined length), one after the
        // variable-length lot before 21, none after the last value.
        assertThat(result.getText())
                .isEqualTo(GS + "010950600013435217271231" + "10LOT/7-a" + GS + "21aZ9%&(*+,-./:;<");
        assertThat(ElementString.parse("]d2" + result.getText().substring(1))).isEqualTo(FULL);
    }

    @Test
    void qrPngDecodesToTheDigitalLinkOnTheConfiguredHost() throws Exception {
        byte[] png = renderer.render(FULL, SymbolType.QR, ImageFormat.PNG);

        Result result = decode(png, BarcodeFormat.QR_CODE);
        assertThat(result.getText()).isEqualTo("https://resolver.example.com/01/09506000134352/10/LOT%2F7-a"
                + "/21/aZ9%25%26(*+,-.%2F:;%3C?17=271231");
        assertThat(ElementString.fromDigitalLink(result.getText())).isEqualTo(
                ElementString.of(new AiValue("01", "09506000134352"), new AiValue("10", "LOT/7-a"),
                        new AiValue("21", "aZ9%&(*+,-./:;<"), new AiValue("17", "271231")));
    }

    @Test
    void minimalDataMatrixDecodes() throws Exception {
        ElementString gtinAndSerial = ElementString.of(new AiValue("01", "09506000134352"),
                new AiValue("21", "12345678"));
        Result result = decode(renderer.render(gtinAndSerial, SymbolType.DATAMATRIX, ImageFormat.PNG),
                BarcodeFormat.DATA_MATRIX);
        assertThat(result.getText()).isEqualTo(GS + "01095060001343522112345678");
    }

    @Test
    void pngHasItsSignatureAndWholeModules() throws Exception {
        byte[] png = renderer.render(FULL, SymbolType.DATAMATRIX, ImageFormat.PNG);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth() % BarcodeRenderer.MODULE_PIXELS).isZero();
        // at least the smallest DataMatrix (10x10) plus both quiet zones
        assertThat(image.getWidth()).isGreaterThanOrEqualTo((10 + 2 * BarcodeRenderer.DATAMATRIX_QUIET_ZONE)
                * BarcodeRenderer.MODULE_PIXELS);
        // the quiet zone is white
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void svgIsAnSvgDocumentOfModules() {
        String svg = new String(renderer.render(FULL, SymbolType.QR, ImageFormat.SVG), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<?xml").contains("<svg").contains("xmlns=\"http://www.w3.org/2000/svg\"")
                .contains("<rect").endsWith("</svg>\n");
        String dm = new String(renderer.render(FULL, SymbolType.DATAMATRIX, ImageFormat.SVG), StandardCharsets.UTF_8);
        assertThat(dm).contains("<svg").isNotEqualTo(svg);
    }

    @Test
    void contentOfEachSymbol() {
        assertThat(renderer.content(FULL, SymbolType.DATAMATRIX))
                .isEqualTo("[01]09506000134352[17]271231[10]LOT/7-a[21]aZ9%&(*+,-./:;<");
        assertThat(renderer.content(FULL, SymbolType.QR)).startsWith("https://resolver.example.com/01/");
    }

    static Result decode(byte[] png, BarcodeFormat format) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        MultiFormatReader reader = new MultiFormatReader();
        try {
            return reader.decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(format),
                    DecodeHintType.TRY_HARDER, Boolean.TRUE));
        } catch (com.google.zxing.NotFoundException e) {
            // ZXing's finder-pattern detector now and then misses a symbol it reads as a whole image (seen for about
            // 1 QR code in 300 random serials); the image is a generated symbol and nothing else, so read it so.
            return reader.decode(bitmap, Map.of(DecodeHintType.POSSIBLE_FORMATS, List.of(format),
                    DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        }
    }
}
