package triage.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Attributes;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import triage.api.Triage;
import triage.consult.Answers;
import triage.consult.Complaint;
import triage.consult.Complaints;
import triage.consult.Consultation;
import triage.consult.Explanations;
import triage.consult.TypedText;
import triage.consult.RuleIndex;
import triage.consult.SymptomFileWriter;
import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.evidence.Evidence;
import triage.facts.Symptom;
import triage.incidents.Delivery;
import triage.incidents.IncidentService;
import triage.incidents.IncidentStore;
import triage.incidents.Receipt;
import triage.incidents.Revision;
import triage.knowledge.SymptomDef;
import triage.output.JsonRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The web console under {@code /ui}: sign-in with the service token once (then an HttpOnly,
 * SameSite=Strict session cookie), a CSRF token on every form, everything from evidence escaped by the
 * templates, and a Content-Security-Policy that allows no inline script.
 */
public final class WebConsole extends Handler.Abstract {

    public static final String PREFIX = "/ui";

    private static final Logger log = LoggerFactory.getLogger(WebConsole.class);
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final int MAX_FILES = 100;

    private final Triage triage;
    private final Optional<IncidentService> incidents;
    private final Optional<byte[]> tokenDigest;
    private final long maxBody;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Sessions sessions = new Sessions();
    private final ConsultSessions consultations = new ConsultSessions();
    private final JsonRenderer renderer = new JsonRenderer();
    private final Complaints complaints;
    private final RuleIndex index;

    /** Thrown to answer at once with a status (and a one-line text) or a redirect. */
    private static final class Answer extends RuntimeException {
        final int status;
        final String location;

        Answer(int status, String message, String location) {
            super(message, null, false, false);
            this.status = status;
            this.location = location;
        }
    }

    public WebConsole(Triage triage, Optional<IncidentService> incidents, Optional<byte[]> tokenDigest, long maxBody) {
        this.triage = triage;
        this.incidents = incidents;
        this.tokenDigest = tokenDigest;
        this.maxBody = maxBody;
        this.complaints = Complaints.load(triage.knowledgeBase());
        this.index = RuleIndex.of(triage.rules().sources());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            return false;
        }
        String sub = path.substring(PREFIX.length());
        int status = 200;
        String type = "text/html; charset=utf-8";
        byte[] body;
        try {
            if (sub.startsWith("/static/")) {
                String name = sub.substring("/static/".length());
                body = staticFile(name);
                type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "max-age=300");
            } else {
                body = route(sub, request, response).getBytes(StandardCharsets.UTF_8);
            }
        } catch (Answer a) {
            status = a.status;
            if (a.location != null) {
                response.getHeaders().put(HttpHeader.LOCATION, a.location);
            }
            body = (a.getMessage() == null ? "" : a.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
            type = "text/plain; charset=utf-8";
        } catch (Exception e) {
            log.atError().setMessage("web console request failed").addKeyValue("path", PREFIX + sub).setCause(e).log();
            status = 500;
            body = "internal error; see the service log\n".getBytes(StandardCharsets.UTF_8);
            type = "text/plain; charset=utf-8";
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put("Content-Security-Policy", CSP);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("X-Frame-Options", "DENY");
        if (!sub.startsWith("/static/")) {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        }
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    // ---------------------------------------------------------------- routing

    private String route(String sub, Request request, Response response) throws Exception {
        String method = request.getMethod();
        if (sub.equals("/login")) {
            return method.equals("POST") ? login(request, response) : render("login.jte", new Pages.Login(null));
        }
        Sessions.Session session = session(request, response);
        if (method.equals("POST")) {
            Fields form = sub.equals("/diagnose") ? null : FormFields.getFields(request);
            if (form != null) {
                checkCsrf(session, form.getValue("csrf"));
            }
            switch (sub) {
                case "/logout" -> {
                    sessions.remove(session.id());
                    throw redirect("/ui/login");
                }
                case "/diagnose" -> {
                    return diagnose(request, session);
                }
                case "/consult" -> {
                    return startConsultation(form, session);
                }
                default -> {
                    if (sub.startsWith("/consult/")) {
                        return consultAction(sub.substring("/consult/".length()), form, session);
                    }
                    throw new Answer(404, "no such page", null);
                }
            }
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new Answer(405, "method not allowed", null);
        }
        Map<String, String> q = query(request);
        if (sub.isEmpty()) {
            throw redirect("/ui/");
        }
        if (sub.equals("/")) {
            return incidentsPage(session, q);
        }
        if (sub.equals("/incidents/rows")) {
            return render("incidentRows.jte", Map.of("rows", rows(q)));
        }
        if (sub.startsWith("/incidents/")) {
            return incidentPage(session, sub.substring("/incidents/".length()));
        }
        if (sub.equals("/diagnose")) {
            return render("diagnose.jte", new Pages.Diagnose(layout("Diagnose evidence", session, "diagnose"), null));
        }
        if (sub.equals("/consult")) {
            if (q.get("incident") != null) {
                return consultFromIncident(q.get("incident"), session);
            }
            return consultStart(session, "", List.of(), null);
        }
        if (sub.startsWith("/consult/") && sub.endsWith("/symptoms.yaml")) {
            String id = sub.substring("/consult/".length(), sub.length() - "/symptoms.yaml".length());
            ConsultSessions.Entry e = consultation(id, session);
            Path tmp = Files.createTempFile("triage-consult", ".yaml");
            try {
                SymptomFileWriter.write(e.consultation, tmp);
                response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"consultation-" + id + ".yaml\"");
                throw new Answer(200, Files.readString(tmp).stripTrailing(), null);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        if (sub.startsWith("/consult/")) {
            return consultPage(consultation(sub.substring("/consult/".length()), session), session, q.get("why") != null,
                    q.get("how") != null, null);
        }
        throw new Answer(404, "no such page", null);
    }

    // ---------------------------------------------------------------- sign-in and sessions

    private String login(Request request, Response response) throws Exception {
        Fields form = FormFields.getFields(request);
        String token = form.getValue("token");
        if (tokenDigest.isPresent() && (token == null
                || !MessageDigest.isEqual(sha256(token.strip().getBytes(StandardCharsets.UTF_8)), tokenDigest.get()))) {
            return render("login.jte", new Pages.Login("That is not the service token."));
        }
        Sessions.Session s = sessions.create();
        setCookie(request, response, s.id());
        throw redirect("/ui/");
    }

    /** The signed-in session; without a service token the console needs no sign-in (loopback use). */
    private Sessions.Session session(Request request, Response response) {
        String id = null;
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(Sessions.COOKIE)) {
                id = c.getValue();
            }
        }
        Optional<Sessions.Session> s = sessions.find(id);
        if (s.isPresent()) {
            return s.get();
        }
        if (tokenDigest.isPresent()) {
            throw redirect("/ui/login");
        }
        Sessions.Session created = sessions.create();
        setCookie(request, response, created.id());
        return created;
    }

    private static void setCookie(Request request, Response response, String id) {
        HttpCookie cookie = HttpCookie.build(Sessions.COOKIE, id).path(PREFIX).httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT).secure(request.isSecure()).build();
        Response.addCookie(response, cookie);
    }

    private static void checkCsrf(Sessions.Session s, String given) {
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), s.csrf().getBytes(StandardCharsets.UTF_8))) {
            throw new Answer(403, "refused: the form's CSRF token is missing or wrong; reload the page and try again", null);
        }
    }

    private Pages.Layout layout(String title, Sessions.Session s, String active) {
        return new Pages.Layout(title, s.csrf(), active, tokenDigest.isPresent());
    }

    // ---------------------------------------------------------------- incidents

    private IncidentStore store() {
        return incidents.map(IncidentService::store).orElseThrow(() ->
                new Answer(404, "this service keeps no incidents (started with --db none)", null));
    }

    private String incidentsPage(Sessions.Session s, Map<String, String> q) {
        IncidentStore.Page page = incidents.isEmpty() ? new IncidentStore.Page(List.of(), 0, 100, 0)
                : store().list(query(q));
        return render("incidents.jte", new Pages.Incidents(layout("Incidents", s, "incidents"),
                page.incidents().stream().map(WebConsole::row).toList(), page.total(), blankToNull(q.get("state")),
                q.getOrDefault("cause", "")));
    }

    private List<Pages.IncidentRow> rows(Map<String, String> q) {
        if (incidents.isEmpty()) {
            return List.of();
        }
        return store().list(query(q)).incidents().stream().map(WebConsole::row).toList();
    }

    private static IncidentStore.Query query(Map<String, String> q) {
        String state = blankToNull(q.get("state"));
        if (state != null && !state.equals("firing") && !state.equals("resolved")) {
            state = null;
        }
        return new IncidentStore.Query(state, blankToNull(q.get("cause")), null, null, 100, 0);
    }

    private static Pages.IncidentRow row(triage.incidents.Incident i) {
        return new Pages.IncidentRow(i.id(), TIME.format(i.updatedAt()), i.leadingCause(),
                i.severity() == null ? "" : i.severity(), i.leadingCause() == null ? "" : String.format(Locale.ROOT, "%.2f", i.confidence()),
                i.source().equals("upload") ? "upload" : "alert group", i.state(), i.groupKey(), i.revisions());
    }

    private String incidentPage(Sessions.Session s, String idText) {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw new Answer(404, "no such incident", null);
        }
        IncidentStore.Detail d = store().get(id).orElseThrow(() -> new Answer(404, "no such incident", null));
        Revision last = d.revisions().get(d.revisions().size() - 1);
        List<Pages.RevisionRow> revisions = d.revisions().stream().map(r -> new Pages.RevisionRow(r.number(),
                TIME.format(r.createdAt()), r.status(), r.leadingCause() == null ? "none" : r.leadingCause(), r.alerts().size())).toList();
        List<Pages.DeliveryRow> deliveries = new ArrayList<>();
        for (Delivery dl : d.deliveries()) {
            deliveries.add(new Pages.DeliveryRow(dl.revision(), dl.route(), dl.status(), dl.attempts(),
                    dl.lastError() == null ? "" : dl.lastError()));
        }
        return render("incident.jte", new Pages.Incident(layout("Incident #" + id, s, "incidents"), row(d.incident()),
                DiagnosisView.of(last.diagnosis()), revisions, deliveries));
    }

    // ---------------------------------------------------------------- diagnose evidence

    private String diagnose(Request request, Sessions.Session s) throws Exception {
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new Answer(415, "send the form (multipart/form-data)", null);
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBody + 1));
        }
        if (body.length > maxBody) {
            throw new Answer(413, "the upload is larger than the limit of " + maxBody + " bytes", null);
        }
        MultiPartConfig config = new MultiPartConfig.Builder().maxParts(MAX_FILES + 2).maxSize(maxBody)
                .maxPartSize(maxBody).maxMemoryPartSize(maxBody).useFilesForPartsWithoutFileName(false).build();
        Map<String, byte[]> files = new LinkedHashMap<>();
        String csrf = null;
        try (MultiPartFormData.Parts parts = MultiPartFormData.getParts(Content.Source.from(ByteBuffer.wrap(body)),
                new Attributes.Mapped(), contentType, config)) {
            for (MultiPart.Part part : parts) {
                ByteBuffer content = Content.Source.asByteBuffer(part.getContentSource());
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                String name = part.getName() == null ? "" : part.getName();
                if (name.equals("csrf")) {
                    csrf = new String(bytes, StandardCharsets.UTF_8);
                } else if (name.equals("text")) {
                    if (!new String(bytes, StandardCharsets.UTF_8).isBlank()) {
                        files.put("pasted.log", bytes);
                    }
                } else if (part.getFileName() != null && !part.getFileName().isBlank() && bytes.length > 0) {
                    String file = part.getFileName().replaceAll("[\\p{Cntrl}/\\\\]", "_");
                    String unique = file;
                    for (int n = 2; files.containsKey(unique); n++) {
                        unique = file + "#" + n;
                    }
                    files.put(unique, bytes);
                }
            }
        }
        checkCsrf(s, csrf);
        if (files.isEmpty()) {
            return render("diagnose.jte", new Pages.Diagnose(layout("Diagnose evidence", s, "diagnose"),
                    "Choose or drop at least one file, or paste some log lines."));
        }
        Evidence evidence = triage.read(files);
        if (evidence.nothingReadable()) {
            return render("diagnose.jte", new Pages.Diagnose(layout("Diagnose evidence", s, "diagnose"),
                    "No evidence could be read: " + (evidence.warnings().isEmpty() ? "every file was empty" : evidence.warnings().get(0))));
        }
        Diagnosis d = triage.diagnose(evidence);
        ObjectNode tree = renderer.tree(d);
        if (incidents.isPresent()) {
            long id = incidents.get().record(Receipt.fromUpload(tree.deepCopy())).incident().id();
            throw redirect("/ui/incidents/" + id);
        }
        return render("result.jte", new Pages.Result(layout("Diagnosis", s, "diagnose"), DiagnosisView.of(tree)));
    }

    // ---------------------------------------------------------------- consultation

    private String consultStart(Sessions.Session s, String query, List<Complaint> matches, String message) {
        return render("consultStart.jte", new Pages.ConsultStart(layout("Consultation", s, "consult"),
                complaints.all().stream().map(c -> new Pages.ComplaintRow(c.id(), c.text())).toList(),
                matches.stream().map(c -> new Pages.ComplaintRow(c.id(), c.text())).toList(), query, message));
    }

    private String startConsultation(Fields form, Sessions.Session s) {
        String complaintId = form.getValue("complaint");
        if (complaintId != null) {
            Complaint c = complaints.byId(complaintId).orElseThrow(() -> new Answer(400, "no such complaint", null));
            Consultation consultation = new Consultation(triage, index, List.of(), List.of(), List.of());
            consultation.complaint(c);
            throw redirect("/ui/consult/" + consultations.start(s.id(), consultation).id);
        }
        String text = form.getValue("text") == null ? "" : form.getValue("text").strip();
        if (text.isEmpty()) {
            return consultStart(s, "", List.of(), "Describe the problem, paste an error line, or pick a complaint.");
        }
        // typed text is evidence first: a pasted error line is recognised as the diagnosis would
        TypedText.Reading r = TypedText.read(triage, complaints, text);
        if (r.recognised()) {
            Consultation consultation = new Consultation(triage, index, r.symptoms(), r.answers(), List.of());
            ConsultSessions.Entry e = consultations.start(s.id(), consultation);
            e.transcript.add("Recognised in what you typed: " + String.join(", ", r.symptoms().stream().map(Symptom::id).toList()));
            throw redirect("/ui/consult/" + e.id);
        }
        if (r.complaints().size() == 1) {
            Consultation consultation = new Consultation(triage, index, List.of(), List.of(), List.of());
            consultation.complaint(r.complaints().get(0));
            throw redirect("/ui/consult/" + consultations.start(s.id(), consultation).id);
        }
        return consultStart(s, text, r.complaints(), r.complaints().isEmpty() ? "No complaint matches those words; pick one below." : null);
    }

    private String consultFromIncident(String idText, Sessions.Session s) {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw new Answer(404, "no such incident", null);
        }
        IncidentStore.Detail d = store().get(id).orElseThrow(() -> new Answer(404, "no such incident", null));
        JsonNode diagnosis = d.revisions().get(d.revisions().size() - 1).diagnosis();
        List<Symptom> symptoms = new ArrayList<>();
        for (JsonNode sym : diagnosis.path("symptoms")) {
            String sid = sym.path("id").asText("");
            if (triage.knowledgeBase().symptoms().containsKey(sid)) {
                symptoms.add(new Symptom(sid, sym.path("subject").asText(""), Math.max(1, sym.path("count").asInt(1)),
                        Double.NaN, Double.NaN, 0, 0, Map.of(), List.of()));
            }
        }
        Consultation consultation = new Consultation(triage, index, symptoms, List.of(), List.of());
        ConsultSessions.Entry e = consultations.start(s.id(), consultation);
        e.transcript.add("Started from incident #" + id + " (" + symptoms.size() + " symptoms recognised)");
        throw redirect("/ui/consult/" + e.id);
    }

    private ConsultSessions.Entry consultation(String id, Sessions.Session s) {
        return consultations.find(id, s.id()).orElseThrow(() -> new Answer(404, "no such consultation (it may have expired)", null));
    }

    private String consultAction(String id, Fields form, Sessions.Session s) {
        ConsultSessions.Entry e = consultation(id, s);
        String action = form.getValue("action") == null ? "" : form.getValue("action");
        synchronized (e) {
            Consultation.Plan plan = e.consultation.plan();
            Optional<Consultation.Option> pending = plan.next();
            switch (action) {
                case "yes", "no", "unknown", "value" -> {
                    if (pending.isEmpty()) {
                        throw redirect("/ui/consult/" + id);
                    }
                    SymptomDef q = pending.get().symptom();
                    if (!q.id().equals(form.getValue("symptom"))) {
                        // an answer to a question no longer asked (a second tab, a double click)
                        throw redirect("/ui/consult/" + id);
                    }
                    String word = action.equals("value") ? String.valueOf(form.getValue("value")).strip() : action;
                    Optional<Consultation.Given> g = Answers.parse(e.consultation, q, word);
                    if (g.isEmpty()) {
                        return consultPage(e, s, false, false, "'" + word + "' is not an answer to this question"
                                + (q.takesValue() ? ": give a value in " + q.unit() : ""));
                    }
                    e.consultation.answer(g.get());
                    e.transcript.add(questionText(q) + " — " + word);
                }
                case "back" -> {
                    if (e.consultation.back().isPresent() && !e.transcript.isEmpty()) {
                        String undone = e.transcript.remove(e.transcript.size() - 1);
                        return consultPage(e, s, false, false, "Undone: " + undone);
                    }
                }
                case "restart" -> {
                    Complaint c = e.consultation.complaint();
                    e.consultation.restart();
                    e.consultation.complaint(c);
                    e.transcript.clear();
                }
                case "why" -> {
                    return consultPage(e, s, true, false, null);
                }
                case "how" -> {
                    return consultPage(e, s, false, true, null);
                }
                case "save" -> {
                    if (e.savedIncident == null) {
                        ObjectNode tree = renderer.tree(e.consultation.diagnosis());
                        e.savedIncident = incidents.map(i -> i.record(Receipt.fromUpload(tree)).incident().id())
                                .orElseThrow(() -> new Answer(404, "this service keeps no incidents", null));
                    }
                    throw redirect("/ui/incidents/" + e.savedIncident);
                }
                default -> throw new Answer(400, "unknown action", null);
            }
        }
        throw redirect("/ui/consult/" + id);
    }

    private String consultPage(ConsultSessions.Entry e, Sessions.Session s, boolean why, boolean how, String message) {
        Consultation.Plan plan = e.consultation.plan();
        List<Pages.Suspect> suspects = new ArrayList<>();
        for (CauseHypothesis h : e.consultation.suspects(plan.diagnosis())) {
            if (suspects.size() == 5) {
                break;
            }
            suspects.add(new Pages.Suspect(h.id(), h.cause().title(), String.format(Locale.ROOT, "%.2f", h.confidence())));
        }
        boolean ended = plan.next().isEmpty();
        Pages.Question question = null;
        String whyText = null;
        if (!ended) {
            Consultation.Option o = plan.next().get();
            SymptomDef q = o.symptom();
            Double[] bounds = Answers.bounds(e.consultation, q);
            String range = bounds[0] == null && bounds[1] == null ? "" : ", " + (bounds[0] == null ? "" : fmt(bounds[0])) + " to "
                    + (bounds[1] == null ? "" : fmt(bounds[1]));
            Double threshold = index.valueFor(q.id());
            if (q.takesValue() && threshold != null) {
                // the rules' own threshold: a value at or above it counts as the symptom being there
                range += "; the rules act from " + fmt(threshold) + " " + q.unit();
            }
            question = new Pages.Question(q.id(), questionText(q), q.command() == null ? "" : q.command().strip(),
                    q.takesValue() ? q.unit() : "", range, q.takesValue());
            if (why) {
                whyText = Explanations.why(e.consultation, o);
            }
        }
        String howText = how ? how(plan.diagnosis()) : null;
        String endReason = plan.end() == Consultation.End.ESTABLISHED ? "Cause established"
                : "No question would tell the remaining causes apart";
        return render("consult.jte", new Pages.Consult(layout("Consultation", s, "consult"), e.id,
                e.complaint().map(Complaint::text).orElse(null), question, suspects, List.copyOf(e.transcript), whyText, howText,
                message, ended, endReason, ended ? DiagnosisView.of(renderer.tree(plan.diagnosis())) : null, e.savedIncident));
    }

    private static String questionText(SymptomDef q) {
        return q.question() == null || q.question().isBlank() ? q.description() : q.question();
    }

    private static String how(Diagnosis d) {
        List<CauseHypothesis> l = Consultation.leaders(d);
        if (l.isEmpty()) {
            return "No cause is concluded yet.";
        }
        CauseHypothesis top = l.get(0);
        StringBuilder sb = new StringBuilder(top.cause().title() + " (" + String.format(Locale.ROOT, "%.2f", top.confidence())
                + ") because: ");
        List<String> rules = top.supportingRules().stream().map(CauseHypothesis.RuleContribution::rule).toList();
        sb.append(rules.isEmpty() ? "no rule yet" : String.join("; ", rules)).append('.');
        return sb.toString();
    }

    // ---------------------------------------------------------------- helpers

    private String render(String template, Object page) {
        StringOutput out = new StringOutput();
        if (page instanceof Map<?, ?> params) {
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) params;
            templates.render(template, p, out);
        } else {
            templates.render(template, page, out);
        }
        return out.toString();
    }

    private static Answer redirect(String location) {
        return new Answer(303, null, location);
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Fields.Field f : Request.extractQueryParameters(request)) {
            out.put(f.getName(), f.getValue());
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static byte[] staticFile(String name) throws IOException {
        if (!name.equals("app.css") && !name.equals("app.js")) {
            throw new Answer(404, "no such file", null);
        }
        try (InputStream in = WebConsole.class.getResourceAsStream("static/" + name)) {
            return in.readAllBytes();
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
