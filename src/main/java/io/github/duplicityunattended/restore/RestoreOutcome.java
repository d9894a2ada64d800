package io.github.duplicityunattended.restore;

/**
 * How a restore ended.
 *
 * @param ok   duplicity restored what was asked
 * @param line what happened, in one line for the log and the user
 */
public record RestoreOutcome(boolean ok, String line) {
}
