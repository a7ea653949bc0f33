/** GitHub webhook intake: signature check, delivery store, durable queue. Knows nothing of the model. */
package dev.seekfix.webhooks;
