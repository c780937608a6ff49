// Draws Storyline's icon and writes it in the forms the packagers want: PNG (Linux), ICO (Windows),
// ICNS (macOS). Run from the repository root with a JDK 21+: java installer/icons/MakeIcons.java
// The outputs are committed; run this again only when the drawing changes.
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

public class MakeIcons {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of("installer/icons");
        Files.write(dir.resolve("storyline.png"), png(draw(256)));
        Files.write(dir.resolve("storyline-512.png"), png(draw(512)));
        Files.write(dir.resolve("storyline.ico"), ico(16, 24, 32, 48, 64, 256));
        Files.write(dir.resolve("storyline.icns"), icns());
    }

    /** A dark rounded tile with three lines of text and a thread of dots linking them: a story followed. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size / 256.0;
        g.scale(s, s);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1F4E79), 0, 256, new Color(0x0E2A47)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        // lines of text
        g.setColor(new Color(0xE8EEF5));
        g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int[] ys = {76, 128, 180};
        int[] ends = {196, 176, 188};
        for (int i = 0; i < 3; i++) g.drawLine(110, ys[i], ends[i], ys[i]);
        // the thread: a curve through three dots on the left
        g.setColor(new Color(0xF2A541));
        g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D thread = new Path2D.Double();
        thread.moveTo(64, ys[0]);
        thread.curveTo(40, 100, 88, 104, 64, ys[1]);
        thread.curveTo(40, 152, 88, 156, 64, ys[2]);
        g.draw(thread);
        for (int y : ys) g.fill(new Ellipse2D.Double(64 - 15, y - 15, 30, 30));
        g.dispose();
        return img;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** ICO with PNG-compressed entries (Windows Vista and later read them). */
    static byte[] ico(int... sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) images[i] = png(draw(sizes[i]));
        int offset = 6 + 16 * sizes.length;
        ByteBuffer head = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        head.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            head.put((byte) (sizes[i] >= 256 ? 0 : sizes[i])).put((byte) (sizes[i] >= 256 ? 0 : sizes[i]));
            head.put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32);
            head.putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head.array());
        for (byte[] image : images) out.write(image);
        return out.toByteArray();
    }

    /** ICNS with PNG entries: ic07 128, ic08 256, ic09 512, ic10 1024 (512@2x). */
    static byte[] icns() throws IOException {
        String[] types = {"ic07", "ic08", "ic09", "ic10"};
        int[] sizes = {128, 256, 512, 1024};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(body);
        for (int i = 0; i < types.length; i++) {
            byte[] image = png(draw(sizes[i]));
            d.writeBytes(types[i]);
            d.writeInt(image.length + 8);
            d.write(image);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.writeBytes("icns");
        o.writeInt(body.size() + 8);
        o.write(body.toByteArray());
        return out.toByteArray();
    }
}
