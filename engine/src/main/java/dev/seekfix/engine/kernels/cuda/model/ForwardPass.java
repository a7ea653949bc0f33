package dev.seekfix.engine.kernels.cuda.model;

import dev.seekfix.engine.model.deepseek2.RopeParams;

import dev.seekfix.engine.kernels.cuda.device.CudaContext;
import dev.seekfix.engine.kernels.cuda.device.DeviceMatrix;
import dev.seekfix.engine.kernels.cuda.device.KernelArgs;
import dev.seekfix.engine.kernels.cuda.device.Projections;
import dev.seekfix.engine.kernels.cuda.plan.Kernel;
import dev.seekfix.engine.kernels.cuda.plan.LaunchGeometry;
import dev.seekfix.engine.model.deepseek2.DeepSeek2Config;

import java.util.ArrayList;
import java.util.List;

/**
 * The DeepSeek-V2 forward pass as a sequence of device launches (ENGINE.md "Forward pass", the same steps as
 * {@code model.deepseek2.DeepSeek2Model}). Token ids and the start position are read from device memory, so the
 * single-token sequence contains no host work and is captured once as a CUDA graph. Batches of
 * {@link Projections#GEMM_MIN_TOKENS} or more take cuBLAS products and group tokens by expert on the host (one sync
 * per MoE layer), as llama.cpp's ggml_cuda_mul_mat_id does for large batches.
 */
final class ForwardPass {

    private final CudaContext ctx;
    private final DeepSeek2Config c;
    private final DeviceMatrix embedding;
    private final List<DeviceLayer> layers;
    private final long outputNorm;
    private final DeviceMatrix output;
    private final Workspace ws;
    private final Projections proj;
    private final RopeParams rope;

    ForwardPass(CudaContext ctx, DeepSeek2Config c, DeviceWeights w, Workspace ws) {
        this.ctx = ctx;
        this.c = c;
        this.embedding = w.matrix(ModelTensors.TOKEN_EMBD);
        List<DeviceLayer> ls = new ArrayList<>();
        for (int l = 0; l < c.layers(); l++) ls.add(DeviceLayer.of(w, c, l));
        this.layers = List.copyOf(ls);
        this.outputNorm = w.vector(ModelTensors.OUTPUT_NORM);
        this.output = w.matrix(ModelTensors.OUTPUT);
        this.ws = ws;
        this.proj = new Projections(ctx, ws.half, ws.halfBytes, ws.halfWeights,
                dev.seekfix.engine.kernels.cuda.plan.DeviceWorkspace.HALF_WEIGHT_CHUNK_BYTES);
        this.rope = RopeParams.of(c);
    }

    /**
     * Launches the forward pass of {@code tokens} tokens (ids at ws.tokens, first position at ws.start) over
     * {@code cache}, ending with the last token's logits at ws.logits.
     */
    void encode(DeviceLatentCache cache, int tokens) {
        int hidden = c.hidden();
        ctx.launch(Kernel.gatherRows(embedding.type()).orElseThrow(), LaunchGeometry.elementwise(hidden, tokens),
                new KernelArgs().ptr(embedding.address()).i64(embedding.rowBytes()).ptr(ws.tokens).ptr(ws.x).i32(hidden));
        for (int l = 0; l < layers.size(); l++) {
            DeviceLayer layer = layers.get(l);
            rmsnorm(ws.x, layer.attnNorm(), ws.h, tokens, hidden);
            attention(layer, cache.layer(l), cache.capacity(), tokens);
            add(ws.x, ws.out, (long) tokens * hidden);
            rmsnorm(ws.x, layer.ffnNorm(), ws.h, tokens, hidden);
            switch (layer.ffn()) {
                case DeviceLayer.Dense d -> {
                    swiglu(d, ws.h, tokens, ws.out);
                    add(ws.x, ws.out, (long) tokens * hidden);
                }
                case DeviceLayer.Moe m -> moe(m, tokens);
            }
        }
        long last = ws.x + 4L * (tokens - 1) * hidden;
        rmsnorm(last, outputNorm, ws.h, 1, hidden);
        proj.apply(output, ws.h, 1, ws.logits);
    }

    private void rmsnorm(long x, long w, long y, int rows, int n) {
        ctx.launch(Kernel.RMSNORM, LaunchGeometry.perRow(rows), new KernelArgs().ptr(x).i32(n).ptr(w).ptr(y).i32(n).i32(n)
                .f32(c.rmsEps()));
    }

    private void add(long x, long y, long n) {
        ctx.launch(Kernel.ADD_INPLACE, LaunchGeometry.elementwise(n, 1), new KernelArgs().ptr(x).ptr(y).i32(Math.toIntExact(n)));
    }

    private void attention(DeviceLayer w, long cacheLayer, int capacity, int tokens) {
        int nh = c.heads(), dn = c.qkNopeDim(), dr = c.qkRopeDim(), r = c.kvLoraRank(), dv = c.vHeadDim();
        int qk = c.qkHeadDim(), width = c.cacheWidth();
        if (w.wq() != null) {
            proj.apply(w.wq(), ws.h, tokens, ws.query);
        } else {
            proj.apply(w.wqA(), ws.h, tokens, ws.queryA);
            ctx.launch(Kernel.RMSNORM, LaunchGeometry.perRow(tokens), new KernelArgs().ptr(ws.queryA).i32(c.qLoraRank())
                    .ptr(w.qANorm()).ptr(ws.queryA).i32(c.qLoraRank()).i32(c.qLoraRank()).f32(c.rmsEps()));
            proj.apply(w.wqB(), ws.queryA, tokens, ws.query);
        }
        proj.apply(w.kvA(), ws.h, tokens, ws.kv);
        // c = rmsnorm(kv[0:r]) · kv_a_norm and k_pe = rope(kv[r:]) into the cache rows start … start+tokens-1
        ctx.launch(Kernel.MLA_STORE, LaunchGeometry.perRow(tokens), ropeArgs(new KernelArgs().ptr(ws.kv).ptr(w.kvANorm())
                .ptr(cacheLayer).ptr(ws.start).i32(r).i32(dr).f32(c.rmsEps())));
        ctx.launch(Kernel.ROPE_YARN, LaunchGeometry.ropeYarn(tokens, nh, dr), ropeArgs(new KernelArgs().ptr(ws.query)
                .i32(nh * qk).i32(qk).i32(dn).i32(dr).ptr(ws.start)));
        // absorbed query: qcat[t][h] = [W_UK_h q_nope | q_pe]
        proj.matvec(w.kAbsorb(), ws.headIds, ws.query, qk, 1, ws.qcat, width, tokens * nh);
        ctx.launch(Kernel.COPY_ROWS, LaunchGeometry.elementwise(dr, tokens * nh), new KernelArgs().ptr(ws.query + 4L * dn)
                .i32(qk).ptr(ws.qcat + 4L * r).i32(width).i32(dr));
        ctx.launch(Kernel.MLA_SCORES, LaunchGeometry.mlaScores(capacity, tokens, nh, width), new KernelArgs().ptr(ws.qcat)
                .ptr(cacheLayer).ptr(ws.start).i32(nh).i32(width).i32(capacity).ptr(ws.scores));
        ctx.launch(Kernel.SOFTMAX_ROWS, LaunchGeometry.perRow(tokens * nh), new KernelArgs().ptr(ws.scores).i32(capacity)
                .i32(capacity).ptr(ws.start).i32(nh).f32(c.attentionScale()));
        ctx.launch(Kernel.MLA_MIX_PARTIAL, LaunchGeometry.mlaMixPartial(r, nh, capacity, tokens), new KernelArgs()
                .ptr(ws.scores).ptr(cacheLayer).ptr(ws.start).i32(nh).i32(r).i32(width).i32(capacity).ptr(ws.partial));
        ctx.launch(Kernel.MLA_MIX_REDUCE, LaunchGeometry.mlaMixReduce(nh, r, tokens), new KernelArgs().ptr(ws.partial)
                .i32(LaunchGeometry.mixSplits(capacity)).i32(nh).i32(r).ptr(ws.start).ptr(ws.latent));
        // o_h = W_UV_h · latent_h, then the output projection
        proj.matvec(w.vUp(), ws.headIds, ws.latent, r, 1, ws.headsOut, dv, tokens * nh);
        proj.apply(w.wo(), ws.headsOut, tokens, ws.out);
    }

    private KernelArgs ropeArgs(KernelArgs a) {
        return a.f32(rope.thetaScale()).f32(rope.freqScale()).f32(rope.extFactor()).f32(rope.corrLow()).f32(rope.corrHigh())
                .f32(rope.mscale());
    }

    /** out = down(silu(gate x) ⊙ up x) for {@code tokens} rows of x. */
    private void swiglu(DeviceLayer.Dense d, long x, int tokens, long out) {
        int width = d.gate().rows();
        proj.apply(d.gate(), x, tokens, ws.gate);
        proj.apply(d.up(), x, tokens, ws.up);
        siluMul((long) tokens * width);
        proj.apply(d.down(), ws.gate, tokens, out);
    }

    private void siluMul(long n) {
        ctx.launch(Kernel.SILU_MUL, LaunchGeometry.elementwise(n, 1), new KernelArgs().ptr(ws.gate).ptr(ws.up).ptr(ws.gate)
                .i32(Math.toIntExact(n)));
    }

    private void moe(DeviceLayer.Moe m, int tokens) {
        int hidden = c.hidden(), k = c.expertsUsed(), ffe = c.expertFfn();
        proj.apply(m.router(), ws.h, tokens, ws.router);
        ctx.launch(Kernel.MOE_ROUTE, LaunchGeometry.moeRoute(tokens, c.experts()), new KernelArgs().ptr(ws.router)
                .i32(c.experts()).i32(k).i32(c.expertGroupCount()).i32(c.expertGroupsUsed()).i32(c.expertWeightsNorm() ? 1 : 0)
                .f32(c.expertWeightsScale()).ptr(ws.ids).ptr(ws.weights));
        if (tokens < Projections.GEMM_MIN_TOKENS) {
            // only the selected experts' rows are read: output j = (token, slot) uses expert ids[j]
            proj.matvec(m.gate(), ws.ids, ws.h, hidden, k, ws.gate, ffe, tokens * k);
            proj.matvec(m.up(), ws.ids, ws.h, hidden, k, ws.up, ffe, tokens * k);
            siluMul((long) tokens * k * ffe);
            proj.matvec(m.down(), ws.ids, ws.gate, ffe, 1, ws.slots, hidden, tokens * k);
        } else {
            groupedExperts(m, tokens);
        }
        long shared = 0;
        if (m.shared() != null) {
            swiglu(m.shared(), ws.h, tokens, ws.out);
            shared = ws.out;
        }
        ctx.launch(Kernel.MOE_COMBINE, LaunchGeometry.elementwise(hidden, tokens), new KernelArgs().ptr(ws.slots)
                .ptr(ws.weights).i32(k).i32(hidden).ptr(shared).ptr(ws.x));
    }

    /** Prefill: each used expert runs once over the tokens that chose it (matrix-matrix), results into their slots. */
    private void groupedExperts(DeviceLayer.Moe m, int tokens) {
        int hidden = c.hidden(), k = c.expertsUsed();
        int[] ids = new int[tokens * k];
        ctx.download(ws.ids, ids, ids.length);
        List<List<Integer>> byExpert = new ArrayList<>();
        for (int e = 0; e < c.experts(); e++) byExpert.add(new ArrayList<>());
        for (int j = 0; j < ids.length; j++) byExpert.get(ids[j]).add(j);
        // [experts]: token rows, then slot rows, packed into the (now free) id buffers' neighbour: ws.router
        int[] packed = new int[2 * ids.length];
        int[] first = new int[c.experts() + 1];
        int n = 0;
        for (int e = 0; e < c.experts(); e++) {
            first[e] = n;
            for (int j : byExpert.get(e)) {
                packed[n] = j / k;
                packed[ids.length + n] = j;
                n++;
            }
        }
        first[c.experts()] = n;
        ctx.upload(packed, packed.length, ws.router);
        for (int e = 0; e < c.experts(); e++) {
            int users = first[e + 1] - first[e];
            if (users == 0) continue;
            long tokenRows = ws.router + 4L * first[e], slotRows = ws.router + 4L * (ids.length + first[e]);
            ctx.launch(Kernel.GATHER_TOKENS, LaunchGeometry.elementwise(hidden, users), new KernelArgs().ptr(ws.h).i32(hidden)
                    .ptr(tokenRows).ptr(ws.gathered));
            swiglu(new DeviceLayer.Dense(m.gate().get(e), m.up().get(e), m.down().get(e)), ws.gathered, users, ws.expertOut);
            ctx.launch(Kernel.SCATTER_TOKENS, LaunchGeometry.elementwise(hidden, users), new KernelArgs().ptr(ws.expertOut)
                    .i32(hidden).ptr(slotRows).ptr(ws.slots));
        }
    }
}
