package dev.seekfix.engine.tokenizer;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ByteSymbolsTest {

    @Test
    void printableLatin1BytesStandForThemselves() {
        assertThat(ByteSymbols.symbolOf('!')).isEqualTo('!');
        assertThat(ByteSymbols.symbolOf('~')).isEqualTo('~');
        assertThat(ByteSymbols.symbolOf(0xA1)).isEqualTo(0xA1);
        assertThat(ByteSymbols.symbolOf(0xFF)).isEqualTo(0xFF);
    }

    @Test
    void otherBytesMoveAboveLatin1InByteOrder() {
        assertThat(ByteSymbols.symbolOf(0x00)).isEqualTo(0x100);
        assertThat(ByteSymbols.symbolOf('\n')).isEqualTo('Ċ');
        assertThat(ByteSymbols.symbolOf(' ')).isEqualTo('Ġ');
        assertThat(ByteSymbols.symbolOf(0x7F)).isEqualTo(0x121);
        assertThat(ByteSymbols.symbolOf(0xAD)).isEqualTo(0x143); // the soft hyphen is the last one
    }

    @Test
    void everyByteRoundTripsThroughItsOwnSymbol() {
        Set<Integer> symbols = new HashSet<>();
        for (int b = 0; b < 256; b++) {
            int symbol = ByteSymbols.symbolOf(b);
            symbols.add(symbol);
            assertThat(ByteSymbols.byteOf(symbol)).isEqualTo(b);
        }
        assertThat(symbols).hasSize(256);
        assertThat(ByteSymbols.byteOf('a' + 0x1000)).isEqualTo(-1);
    }
}
