{{%AUTOESCAPE context="HTML"}}
<div class="screen" id="screen" data-screen-events="/api/v1/texts/{{ID}}/events" data-version="{{VERSION}}" data-change="{{CHANGE}}">
<p class="meta"><bdi>{{DOCUMENT}}</bdi> · {{STATUS_LABEL}} · {{t_drafting_version}} <span class="version">{{VERSION}}</span> · <a href="{{P}}/texts/{{ID}}/screen?lang={{CLANG}}">{{t_drafting_screen_reload}}</a> · <a href="{{P}}/texts/{{ID}}?lang={{CLANG}}">{{t_drafting_view_brackets}}</a></p>
<h1{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</h1>
{{#EMPTY}}<p>{{t_drafting_screen_empty}}</p>{{/EMPTY}}
{{#FOCUS}}<h2 class="under">{{t_drafting_screen_under_discussion}}</h2>
<div class="draft" lang="{{CLANG}}" dir="{{CDIR}}">
<p class="provision focus" id="p{{PID}}"><span class="label"><bdi>{{LABEL}}</bdi></span> {{#MISSING}}<span class="note">—</span>{{/MISSING}}{{BODY_HTML:none}}</p>
{{#NOTE}}<div class="bracket-note"><p><span class="bracket">[<bdi>{{WORDS}}</bdi>]</span>{{#HAS_PROPOSED}} · {{t_drafting_proposed_by}} {{PROPOSED}}{{/HAS_PROPOSED}}{{#HAS_SUPPORTED}} · {{t_drafting_supported_by}} {{SUPPORTED}}{{/HAS_SUPPORTED}}{{#HAS_OBJECTED}} · {{t_drafting_objected_by}} {{OBJECTED}}{{/HAS_OBJECTED}}{{#HAS_NOTE}} · <bdi>{{NOTE_TEXT}}</bdi>{{/HAS_NOTE}}</p>
{{#ALT}}<p class="alternative">{{ALT_LABEL}}{{t_punct_colon}}<bdi>{{ALT_TEXT}}</bdi></p>{{/ALT}}</div>{{/NOTE}}
</div>{{/FOCUS}}
<p class="sentence" lang="{{CLANG}}" dir="{{CDIR}}">{{SENTENCE}}</p>
</div>
<script src="/static/screen.js?v={{ASSET_V}}" defer></script>
