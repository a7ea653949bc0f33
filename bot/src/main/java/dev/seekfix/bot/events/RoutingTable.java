package dev.seekfix.bot.events;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code event.action} → task: the one place that names the events seekfix acts on (the App manifest subscribes to
 * exactly these events). Anything else is acknowledged and ignored.
 */
public final class RoutingTable {
    private final Map<String, Route> routes;

    public RoutingTable(PullRequestEvents pullRequests, CommandEvents commands, CiFailureFixer ciFixer) {
        Map<String, Route> table = new TreeMap<>();
        table.put("pull_request.opened", pullRequests::opened);
        table.put("pull_request.reopened", pullRequests::opened);
        table.put("pull_request.ready_for_review", pullRequests::opened);
        table.put("pull_request.synchronize", pullRequests::pushed);
        table.put("issue_comment.created", commands::issueComment);
        table.put("pull_request_review_comment.created", commands::reviewComment);
        table.put("workflow_run.completed", ciFixer::onCiCompleted);
        table.put("check_suite.completed", ciFixer::onCiCompleted);
        this.routes = Map.copyOf(table);
    }

    public Optional<Route> route(String eventAction) {
        return Optional.ofNullable(routes.get(eventAction));
    }

    public java.util.Set<String> eventActions() {
        return new java.util.TreeSet<>(routes.keySet());
    }
}
