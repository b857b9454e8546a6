package dev.orderclock.deadline;

import java.time.Duration;
import java.util.List;

/** What the engine tells the outside (metrics, dashboards). Called from engine threads; keep it quick. */
public interface EngineListener {

    EngineListener NONE = new EngineListener() {};

    /** Deadlines fired by the wheel ({@code bySweeper} false) or claimed by the sweeper (true). */
    default void onFired(DeadlineSource source, List<Fired> fired, boolean bySweeper) {}

    /** A firing transaction failed; its deadlines will be tried again. */
    default void onFireFailed(DeadlineSource source, int deadlines, Exception cause) {}

    /** One horizon load of a source finished. */
    default void onLoaded(DeadlineSource source, int deadlines, Duration took) {}
}
