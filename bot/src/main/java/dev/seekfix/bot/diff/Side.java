package dev.seekfix.bot.diff;

/** The side of a diff a review comment refers to: LEFT is the base (old numbers), RIGHT the head (new numbers). */
public enum Side { LEFT, RIGHT }
