package io.tracewell.trace.serial;

import io.tracewell.epcis.id.AiValue;
import io.tracewell.epcis.id.DigitalLink;
import io.tracewell.epcis.id.ElementString;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.imageio.ImageIO;
import uk.org.okapibarcode.backend.DataMatrix;
import uk.org.okapibarcode.backend.QrCode;
import uk.org.okapibarcode.backend.Symbol;
import uk.org.okapibarcode.graphics.Color;
import uk.org.okapibarcode.output.Java2DRenderer;
import uk.org.okapibarcode.output.SvgRenderer;

/**
 * Renders a GS1 element string as a 2D symbol with Okapi Barcode, as PNG or SVG.
 *
 * <ul>
 *   <li>DataMatrix: Okapi's GS1 mode, given the AIs and values of the element string; it starts the symbol with
 *       FNC1 and puts FNC1 after every value that needs a separator, as GS1 DataMatrix requires. Quiet zone of
 *       {@value #DATAMATRIX_QUIET_ZONE} modules.</li>
 *   <li>QR: the element string's GS1 Digital Link on the configured resolver host (GTIN, lot and serial in the
 *       path, expiry as query attribute), as plain text, error correction level M. Quiet zone of
 *       {@value #QR_QUIET_ZONE} modules (ISO/IEC 18004).</li>
 * </ul>
 * Black on white, {@value #MODULE_PIXELS} pixels (PNG) or user units (SVG) per module.
 */
public final class BarcodeRenderer {

    static final int MODULE_PIXELS = 8;
    static final int DATAMATRIX_QUIET_ZONE = 2;
    static final int QR_QUIET_ZONE = 4;

    private final String resolverBase;

    /** @param resolverBase the host of QR codes' Digital Links, e.g. {@code https://id.gs1.org} */
    public BarcodeRenderer(String resolverBase) {
        this.resolverBase = Objects.requireNonNull(resolverBase, "resolverBase");
    }

    /**
     * The data the symbol carries: for DataMatrix the element string in Okapi's GS1 input syntax
     * ({@code [01]09506000134352[21]ABC}), for QR the Digital Link URI.
     */
    public String content(ElementString data, SymbolType type) {
        return switch (type) {
            case DATAMATRIX -> {
                StringBuilder sb = new StringBuilder();
                for (AiValue v : data.values()) {
                    sb.append('[').append(v.ai()).append(']').append(v.value());
                }
                yield sb.toString();
            }
            case QR -> DigitalLink.from(data).toUri(resolverBase);
        };
    }

    public byte[] render(ElementString data, SymbolType type, ImageFormat format) {
        Symbol symbol = symbol(data, type);
        try {
            return switch (format) {
                case PNG -> png(symbol);
                case SVG -> svg(symbol);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Symbol symbol(ElementString data, SymbolType type) {
        Symbol symbol;
        if (type == SymbolType.DATAMATRIX) {
            DataMatrix dm = new DataMatrix();
            dm.setDataType(Symbol.DataType.GS1);
            dm.setQuietZoneHorizontal(DATAMATRIX_QUIET_ZONE);
            dm.setQuietZoneVertical(DATAMATRIX_QUIET_ZONE);
            symbol = dm;
        } else {
            QrCode qr = new QrCode();
            qr.setPreferredEccLevel(QrCode.EccLevel.M);
            qr.setQuietZoneHorizontal(QR_QUIET_ZONE);
            qr.setQuietZoneVertical(QR_QUIET_ZONE);
            symbol = qr;
        }
        symbol.setContent(content(data, type));
        return symbol;
    }

    private static byte[] png(Symbol symbol) throws IOException {
        int width = symbol.getWidth() * MODULE_PIXELS;
        int height = symbol.getHeight() * MODULE_PIXELS;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        try {
            new Java2DRenderer(g, MODULE_PIXELS, Color.WHITE, Color.BLACK).render(symbol);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IllegalStateException("no PNG writer in this Java runtime");
        }
        return out.toByteArray();
    }

    private static byte[] svg(Symbol symbol) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SvgRenderer(out, MODULE_PIXELS, Color.WHITE, Color.BLACK, true).render(symbol);
        return out.toByteArray();
    }
}
