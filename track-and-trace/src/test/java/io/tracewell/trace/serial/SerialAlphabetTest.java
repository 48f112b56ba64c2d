package io.tracewell.trace.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.tracewell.epcis.id.ApplicationIdentifier;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SerialAlphabetTest {

    @Test
    void isGs1CharacterSet82() {
        assertThat(SerialAlphabet.SIZE).isEqualTo(82);
        assertThat(SerialAlphabet.CHARACTERS).isEqualTo("!\"%&'()*+,-./0123456789:;<=>?"
                + "ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");
        // every character is accepted in AI 21 by the identifier package
        ApplicationIdentifier serial = ApplicationIdentifier.lookup("21").orElseThrow();
        for (char c : SerialAlphabet.CHARACTERS.toCharArray()) {
            serial.validate(String.valueOf(c));
        }
    }

    /** Bytes 0..245 map to character byte mod 82; 246..255 are skipped, so each character is equally likely. */
    @Test
    void mapsBytesUniformlyAndRejectsTheRemainder() {
        SecureRandom counting = new SecureRandom() {
            private int next;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (next++ & 0xFF);
                }
            }
        };
        SerialAlphabet alphabet = new SerialAlphabet(counting);
        String first = alphabet.draw(256);
        // bytes 0..255: 246 characters, then bytes 0..9 of the next round (4096-byte buffer: 256 divides it)
        String expected = SerialAlphabet.CHARACTERS.repeat(3) + SerialAlphabet.CHARACTERS.substring(0, 10);
        assertThat(first).isEqualTo(expected);
        int[] counts = new int[SerialAlphabet.SIZE];
        for (char c : alphabet.draw(246 * 40).toCharArray()) {
            counts[SerialAlphabet.CHARACTERS.indexOf(c)]++;
        }
        // over whole rounds of 0..255 every character comes exactly three times per round
        assertThat(counts).containsOnly(120);
    }
}
