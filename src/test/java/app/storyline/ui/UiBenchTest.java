package app.storyline.ui;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.storyline.service.Library;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The window's benchmark, not a test: skipped unless {@code -Dstoryline.bench.ui=DIR} names a data folder
 * (e.g. one made by {@code storyline --data DIR bench related --articles 100000}). It opens the real
 * window headless on that library and prints how long the window took to show its first articles,
 * how long a selected article took to show its text and its related articles, and the resident memory.
 * Nothing is asserted: the figures go to the README.
 *
 * <pre>mvn -B test -Dtest=UiBenchTest -Dstoryline.bench.ui=/tmp/bench100k -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class UiBenchTest {
    @Test
    void window() throws Exception {
        String dir = System.getProperty("storyline.bench.ui", "");
        assumeTrue(!dir.isBlank() && Files.isDirectory(Path.of(dir)), "set -Dstoryline.bench.ui=DIR to run the window benchmark");
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.currentTimeMillis();
        Stage stage = FxToolkit.registerPrimaryStage();
        long toolkit = System.currentTimeMillis();
        long w0 = System.currentTimeMillis();
        onFx(() -> new javafx.scene.web.WebView());
        System.out.printf(Locale.ROOT, "UIBENCH first WebView: %d ms%n", System.currentTimeMillis() - w0);
        long l0 = System.currentTimeMillis();
        Library lib = Library.open(Path.of(dir));
        System.out.printf(Locale.ROOT, "UIBENCH library open: %d ms%n", System.currentTimeMillis() - l0);
        Map<String, String> settings = lib.settings().all();
        lib.settings().putAll(Map.of("refresh.minutes", "0")); // no network in a benchmark
        settings.put("refresh.minutes", "0");
        CountDownLatch shown = new CountDownLatch(1);
        AtomicLong shownAt = new AtomicLong();
        MainWindow[] window = new MainWindow[1];
        Platform.runLater(() -> {
            window[0] = new MainWindow(lib, url -> {});
            window[0].show(stage, settings, () -> {
                shownAt.set(System.currentTimeMillis());
                shown.countDown();
            });
        });
        if (!shown.await(120, TimeUnit.SECONDS)) throw new IllegalStateException("the window never showed its articles");
        MainModel model = window[0].model();
        int rows = onFx(() -> model.list().items().size());
        System.out.printf(Locale.ROOT, "UIBENCH window: %,d rows shown %d ms after the toolkit was up, %d ms after JVM start "
                + "(includes Surefire and JUnit start-up)%n", rows, shownAt.get() - toolkit, shownAt.get() - jvmStart);

        // The related engine builds in the background after the window shows; the first selection waits for it.
        List<Long> ids = onFx(() -> {
            List<Long> out = new ArrayList<>();
            Random r = new Random(42);
            for (int i = 0; i < 60; i++) out.add(model.list().items().get(r.nextInt(model.list().items().size())).row().id());
            return out;
        });
        long[] text = new long[ids.size()];
        long[] related = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            CountDownLatch page = new CountDownLatch(1);
            CountDownLatch near = new CountDownLatch(1);
            long start = System.nanoTime();
            long[] at = new long[2];
            Platform.runLater(() -> {
                var textListener = new javafx.beans.value.ChangeListener<String>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends String> o, String was, String now) {
                        at[0] = System.nanoTime();
                        page.countDown();
                        model.reader().pageProperty().removeListener(this);
                    }
                };
                model.reader().pageProperty().addListener(textListener);
                var relatedListener = new javafx.beans.value.ChangeListener<String>() {
                    @Override
                    public void changed(javafx.beans.value.ObservableValue<? extends String> o, String was, String now) {
                        if (!now.isEmpty() && !now.startsWith("No related")) return; // still working
                        at[1] = System.nanoTime();
                        near.countDown();
                        model.reader().relatedStatusProperty().removeListener(this);
                    }
                };
                model.reader().relatedStatusProperty().addListener(relatedListener);
                model.open(id);
            });
            if (!page.await(60, TimeUnit.SECONDS) || !near.await(300, TimeUnit.SECONDS)) throw new IllegalStateException("article " + id + " never showed");
            text[i] = (at[0] - start) / 1_000_000;
            related[i] = (at[1] - start) / 1_000_000;
        }
        System.out.printf(Locale.ROOT, "UIBENCH first selection: text %d ms, related %d ms (builds the related engine)%n", text[0], related[0]);
        long[] warmText = Arrays.copyOfRange(text, 10, text.length);
        long[] warmRelated = Arrays.copyOfRange(related, 10, related.length);
        Arrays.sort(warmText);
        Arrays.sort(warmRelated);
        System.out.printf(Locale.ROOT, "UIBENCH later selections (%d): text p50 %d ms p95 %d ms max %d ms; related p50 %d ms p95 %d ms max %d ms%n",
                warmText.length, warmText[warmText.length / 2], warmText[warmText.length * 95 / 100], warmText[warmText.length - 1],
                warmRelated[warmRelated.length / 2], warmRelated[warmRelated.length * 95 / 100], warmRelated[warmRelated.length - 1]);
        System.gc();
        Thread.sleep(500);
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?");
        long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.out.printf(Locale.ROOT, "UIBENCH memory: %s resident, %d MB heap in use after GC (heap limit %d MB)%n",
                rss.replaceAll("\\s+", " ").replace("VmRSS: ", ""), heap, Runtime.getRuntime().maxMemory() >> 20);
        FxToolkit.cleanupStages();
        lib.close();
        System.out.println("UIBENCH elapsed " + (System.currentTimeMillis() - t0) + " ms");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        var task = new java.util.concurrent.FutureTask<>(c);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

}
