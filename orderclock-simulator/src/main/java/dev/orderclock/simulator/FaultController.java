package dev.orderclock.simulator;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulator's fault switches at run time ({@code GET}/{@code PUT /sim/faults}, operator only;
 * a {@code PUT} changes the fields it names), and what became of the notifications so far.
 */
@RestController
@ConditionalOnSimulator
class FaultController {

    private final Faults faults;
    private final Notifier notifier;

    FaultController(Faults faults, Notifier notifier) {
        this.faults = faults;
        this.notifier = notifier;
    }

    @GetMapping("/sim/faults")
    FaultSettings faults(Operator operator) {
        return faults.settings();
    }

    @PutMapping("/sim/faults")
    FaultSettings change(Operator operator, @RequestBody FaultSettings patch) {
        try {
            return faults.update(patch);
        } catch (IllegalArgumentException e) {
            throw SimProblems.invalid(e.getMessage());
        }
    }

    /** Counts of notifications owed, dropped, duplicated, attempted, accepted: an addition to docs/API.md. */
    @GetMapping("/sim/notifications")
    Notifier.NotificationStats notifications() {
        return notifier.stats();
    }
}
