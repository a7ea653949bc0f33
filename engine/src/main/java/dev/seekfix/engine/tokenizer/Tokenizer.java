package dev.seekfix.engine.tokenizer;

import dev.seekfix.engine.api.ModelFormatException;
import dev.seekfix.engine.gguf.GgufFile;
import dev.seekfix.engine.gguf.GgufMetadata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * DeepSeek's byte-level BPE tokenizer, reproducing llama.cpp's ids ({@code llama_tokenize}) for
 * {@code tokenizer.ggml.model = gpt2} with the {@code deepseek-llm} or {@code deepseek-coder} pre-tokenizer:
 * <ol>
 *   <li>special tokens are cut out of the text first: USER_DEFINED always, CONTROL only when
 *       {@code parseSpecial} ({@link SpecialTokenSplitter});</li>
 *   <li>each remaining text fragment is split into pieces by the pre-tokenizer regexes ({@link PreTokenizer});</li>
 *   <li>each piece's UTF-8 bytes are merged by rank ({@link BpeMerges}) and the resulting symbols looked up.</li>
 * </ol>
 * Thread-safe; merged pieces are cached.
 */
public final class Tokenizer {

    private static final int PIECE_CACHE_LIMIT = 1 << 16;

    private final Vocabulary vocabulary;
    private final PreTokenizer preTokenizer;
    private final BpeMerges merges;
    private final int[] symbolToken; // [symbol] → token id, -1 when the vocabulary lacks that text
    private final SpecialTokens specials;
    private final SpecialTokenSplitter userDefinedSplitter; // for plain text
    private final SpecialTokenSplitter allSpecialSplitter;  // for text whose special-token markers are parsed
    private final Optional<String> chatTemplate;
    private final ConcurrentHashMap<String, int[]> pieceCache = new ConcurrentHashMap<>();

    Tokenizer(Vocabulary vocabulary, PreTokenizer preTokenizer, List<String> mergeLines, SpecialTokens specials,
              Optional<String> chatTemplate) {
        this.vocabulary = vocabulary;
        this.preTokenizer = preTokenizer;
        this.merges = new BpeMerges(mergeLines);
        this.specials = specials;
        this.chatTemplate = chatTemplate;
        this.symbolToken = new int[merges.symbolCount()];
        for (int s = 0; s < symbolToken.length; s++) {
            symbolToken[s] = vocabulary.idOf(merges.symbolText(s)).orElse(-1);
        }
        this.userDefinedSplitter = new SpecialTokenSplitter(vocabulary, idsOfType(vocabulary, false));
        this.allSpecialSplitter = new SpecialTokenSplitter(vocabulary, idsOfType(vocabulary, true));
    }

    /** Reads the tokenizer of a GGUF file ({@code tokenizer.*} keys). */
    public static Tokenizer fromGguf(GgufFile file) {
        return fromMetadata(file.metadata());
    }

    public static Tokenizer fromMetadata(GgufMetadata m) {
        String source = m.source();
        String model = m.getString(TokenizerKeys.MODEL);
        if (!TokenizerKeys.MODEL_GPT2.equals(model)) {
            throw new ModelFormatException(TokenizerKeys.MODEL + " in " + source + ": expected '"
                    + TokenizerKeys.MODEL_GPT2 + "' (byte-level BPE, as every DeepSeek-V2 GGUF has), found '" + model
                    + "'; this file is not a DeepSeek-V2 family model");
        }
        if (!m.has(TokenizerKeys.PRE)) {
            throw new ModelFormatException(TokenizerKeys.PRE + " is missing in " + source + "; re-convert the model"
                    + " with a llama.cpp convert_hf_to_gguf.py from 2024-05 or later, which writes 'deepseek-llm'");
        }
        PreTokenizer pre = PreTokenizer.fromGgufName(m.getString(TokenizerKeys.PRE), source);
        List<String> texts = new ArrayList<>(m.getStringArray(TokenizerKeys.TOKENS));
        if (texts.isEmpty()) {
            throw new ModelFormatException(TokenizerKeys.TOKENS + " in " + source + " is empty; the file has no vocabulary");
        }
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).isEmpty()) texts.set(i, "[EMPTY_" + i + "]"); // as llama.cpp names empty tokens
        }
        TokenType[] types = new TokenType[texts.size()];
        if (m.has(TokenizerKeys.TOKEN_TYPE)) {
            int[] codes = m.getIntArray(TokenizerKeys.TOKEN_TYPE);
            if (codes.length != texts.size()) {
                throw new ModelFormatException(TokenizerKeys.TOKEN_TYPE + " in " + source + ": expected "
                        + texts.size() + " entries (one per token), found " + codes.length);
            }
            for (int i = 0; i < codes.length; i++) types[i] = TokenType.fromGgufCode(codes[i]);
        } else {
            Arrays.fill(types, TokenType.NORMAL);
        }
        int[] endOfGeneration = ControlTokenDetection.apply(texts, types, m);
        OptionalInt bos = tokenId(m, TokenizerKeys.BOS_ID, texts.size());
        OptionalInt eos = tokenId(m, TokenizerKeys.EOS_ID, texts.size());
        int[] eog = eos.isPresent()
                ? IntStream.concat(IntStream.of(endOfGeneration), IntStream.of(eos.getAsInt())).toArray()
                : endOfGeneration;
        SpecialTokens specials = new SpecialTokens(bos, eos, eog,
                m.getBoolean(TokenizerKeys.ADD_BOS, false), m.getBoolean(TokenizerKeys.ADD_EOS, false));
        Optional<String> template = m.has(TokenizerKeys.CHAT_TEMPLATE)
                ? Optional.of(m.getString(TokenizerKeys.CHAT_TEMPLATE)) : Optional.empty();
        return new Tokenizer(new Vocabulary(texts, types), pre, m.getStringArray(TokenizerKeys.MERGES), specials,
                template);
    }

    private static OptionalInt tokenId(GgufMetadata m, String key, int vocabularySize) {
        if (!m.has(key)) return OptionalInt.empty();
        long id = m.getLong(key);
        if (id < 0 || id >= vocabularySize) {
            throw new ModelFormatException(key + " in " + m.source() + ": expected a token id in 0.."
                    + (vocabularySize - 1) + ", found " + id + "; the vocabulary and its special ids disagree");
        }
        return OptionalInt.of((int) id);
    }

    private static int[] idsOfType(Vocabulary vocabulary, boolean includeControl) {
        return IntStream.range(0, vocabulary.size())
                .filter(id -> switch (vocabulary.type(id)) {
                    case USER_DEFINED -> true;
                    case CONTROL, UNKNOWN -> includeControl;
                    case NORMAL, UNUSED, BYTE, UNDEFINED -> false;
                })
                .toArray();
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public PreTokenizer preTokenizer() {
        return preTokenizer;
    }

    public SpecialTokens specialTokens() {
        return specials;
    }

    /** {@code tokenizer.chat_template} when the GGUF has one. */
    public Optional<String> chatTemplate() {
        return chatTemplate;
    }

    /** Plain text: no BOS, special-token text is encoded as ordinary text (llama.cpp's tokenizer tests). */
    public int[] encode(String text) {
        return encode(text, false, false);
    }

    /**
     * Token ids of {@code text}.
     *
     * @param addBos       prepend the BOS id
     * @param parseSpecial also cut CONTROL tokens (BOS, EOS, …) out of the text when their text appears in it;
     *                     only for text the program wrote, never for untrusted input
     */
    public int[] encode(String text, boolean addBos, boolean parseSpecial) {
        IdBuffer out = new IdBuffer(Math.max(16, text.length() / 3));
        if (addBos) {
            out.add(specials.bos().orElseThrow(() -> new IllegalStateException(
                    "a BOS token was requested but the vocabulary has none (" + TokenizerKeys.BOS_ID + " is absent)")));
        }
        SpecialTokenSplitter splitter = parseSpecial ? allSpecialSplitter : userDefinedSplitter;
        if (splitter.isEmpty()) {
            encodeFragment(text, out);
        } else {
            for (SpecialTokenSplitter.Fragment f : splitter.split(text)) {
                switch (f) {
                    case SpecialTokenSplitter.Text(String raw) -> encodeFragment(raw, out);
                    case SpecialTokenSplitter.Special(int id) -> out.add(id);
                }
            }
        }
        return out.toArray();
    }

    private void encodeFragment(String text, IdBuffer out) {
        if (text.isEmpty()) return;
        int[] cps = text.codePoints().toArray();
        int start = 0;
        for (int end : preTokenizer.split(cps)) {
            String piece = new String(cps, start, end - start);
            int[] ids = pieceCache.get(piece);
            if (ids == null) {
                ids = encodePiece(piece);
                if (pieceCache.size() >= PIECE_CACHE_LIMIT) pieceCache.clear();
                pieceCache.put(piece, ids);
            }
            out.addAll(ids);
            start = end;
        }
    }

    private int[] encodePiece(String piece) {
        int[] symbols = merges.merge(piece.getBytes(StandardCharsets.UTF_8));
        IdBuffer ids = new IdBuffer(symbols.length);
        for (int s : symbols) {
            int id = symbolToken[s];
            if (id >= 0) {
                ids.add(id);
                continue;
            }
            // llama.cpp's fallback when a merge result is not a token: one token per byte of the symbol's text,
            // where such a single-byte token exists (llm_tokenizer_bpe_session::tokenize)
            for (byte b : merges.symbolText(s).getBytes(StandardCharsets.UTF_8)) {
                if (b >= 0) vocabulary.idOf(String.valueOf((char) b)).ifPresent(ids::add);
            }
        }
        return ids.toArray();
    }

    /** The bytes of one token; CONTROL and UNKNOWN tokens give nothing unless {@code renderSpecial}. */
    public byte[] piece(int id, boolean renderSpecial) {
        TokenType type = vocabulary.type(id);
        if (!renderSpecial && (type == TokenType.CONTROL || type == TokenType.UNKNOWN)) return new byte[0];
        return vocabulary.tokenBytes(id);
    }

    /** The concatenated bytes of {@code ids} (llama.cpp {@code llama_detokenize} without space cleaning). */
    public byte[] decodeBytes(int[] ids, boolean renderSpecial) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(ids.length * 4);
        for (int id : ids) {
            TokenType type = vocabulary.type(id);
            if (!renderSpecial && (type == TokenType.CONTROL || type == TokenType.UNKNOWN)) continue;
            out.writeBytes(vocabulary.tokenBytesShared(id));
        }
        return out.toByteArray();
    }

    /** The text of {@code ids}; pieces that are partial UTF-8 are joined before decoding. */
    public String decode(int[] ids, boolean renderSpecial) {
        return new String(decodeBytes(ids, renderSpecial), StandardCharsets.UTF_8);
    }

    /** A decoder for a token stream that returns whole characters as they complete. */
    public TextStream newTextStream(boolean renderSpecial) {
        return new TextStream(vocabulary, renderSpecial);
    }

    /** A growable int array. */
    private static final class IdBuffer {
        private int[] ids;
        private int size;

        IdBuffer(int capacity) {
            ids = new int[Math.max(4, capacity)];
        }

        void add(int id) {
            if (size == ids.length) ids = Arrays.copyOf(ids, size * 2);
            ids[size++] = id;
        }

        void addAll(int[] more) {
            if (size + more.length > ids.length) ids = Arrays.copyOf(ids, Math.max(ids.length * 2, size + more.length));
            System.arraycopy(more, 0, ids, size, more.length);
            size += more.length;
        }

        int[] toArray() {
            return Arrays.copyOf(ids, size);
        }
    }
}
