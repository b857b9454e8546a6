package dev.orderclock.deadline;

/**
 * A thing that must happen at a moment: the id of what it is about and when it is due, in epoch
 * milliseconds. Deadlines are ordered by (due, id), which is also the order of a source's scan.
 */
public record Deadline(long id, long dueMillis) implements Comparable<Deadline> {

    /** Before every deadline: where a source's first scan starts. */
    public static final Deadline BEGINNING = new Deadline(Long.MIN_VALUE, Long.MIN_VALUE);

    @Override
    public int compareTo(Deadline other) {
        int byDue = Long.compare(dueMillis, other.dueMillis);
        return byDue != 0 ? byDue : Long.compare(id, other.id);
    }

    /** The last possible deadline at {@code dueMillis}: a scan up to it covers everything due by then. */
    public static Deadline endOf(long dueMillis) {
        return new Deadline(Long.MAX_VALUE, dueMillis);
    }

    /** The deadline just before this one in (due, id) order. */
    public Deadline predecessor() {
        return id == Long.MIN_VALUE ? new Deadline(Long.MAX_VALUE, dueMillis - 1) : new Deadline(id - 1, dueMillis);
    }
}
