package sluice.render;

/** A value that knows how it looks in a cell, such as a magic's report. */
public interface Renderable {
    Bundle bundle();
}
