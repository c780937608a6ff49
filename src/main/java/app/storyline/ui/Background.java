package app.storyline.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs work off the JavaFX thread and hands the result back on it. The app passes single-thread
 * executors and {@code Platform::runLater}; tests pass {@code Runnable::run} for both.
 */
final class Background {
    private final Executor work;
    private final Executor fx;

    Background(Executor work, Executor fx) {
        this.work = work;
        this.fx = fx;
    }

    <T> void run(Callable<T> task, Consumer<T> onFx, Consumer<String> onError) {
        work.execute(() -> {
            T result;
            try {
                result = task.call();
            } catch (Exception e) {
                String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                fx.execute(() -> onError.accept(why));
                return;
            }
            fx.execute(() -> onFx.accept(result));
        });
    }

    void fx(Runnable r) {
        fx.execute(r);
    }
}
