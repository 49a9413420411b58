package sluice.kernel;

import sluice.magic.CellRunner;
import sluice.magic.LsMagic;
import sluice.magic.Magics;
import sluice.magic.TimeMagic;

/** Every magic the kernel offers, named and wired in this one place. */
final class MagicCatalogue {
    private MagicCatalogue() {
    }

    static Magics create(CellRunner runner) {
        Magics magics = new Magics();
        magics.add("lsmagic", Magics.Kind.LINE, () -> new LsMagic(magics));
        magics.add("time", Magics.Kind.CELL, () -> new TimeMagic(runner, System.out));
        return magics;
    }
}
