{{%AUTOESCAPE context="HTML"}}
<h1>{{t_search_title}}</h1>
<form method="get" action="{{P}}/search" class="search" role="search">
<label for="q">{{t_search_label}}</label>
<input id="q" name="q" type="search" value="{{Q}}" maxlength="500">
<label for="kind">{{t_search_in}}</label>
<select id="kind" name="kind">{{#KINDS}}<option value="{{KEY}}"{{#SEL}} selected{{/SEL}}>{{LABEL}}</option>{{/KINDS}}</select>
<button type="submit">{{t_search_button}}</button>
</form>
{{#HAS_ERROR}}<p class="error" role="alert">{{ERROR}}</p>{{/HAS_ERROR}}
{{#RESULTS}}
{{#NONE}}<p>{{t_search_none}}</p>{{/NONE}}
<ol class="hits">
{{#HITS}}<li><a href="{{URL}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a> <span class="meta">{{KIND_LABEL}} · {{DATE}}</span><p class="snippet"{{#SNIPPET_FALLBACK}} lang="{{SNIPPET_LANG}}"{{/SNIPPET_FALLBACK}} dir="{{SNIPPET_DIR}}">{{SNIPPET_HTML:none}}</p></li>{{/HITS}}
</ol>
<nav class="pager" aria-label="{{t_pagination}}">{{#PREV}}<a href="{{HREF}}" rel="prev">{{t_previous}}</a>{{/PREV}} {{#NEXT}}<a href="{{HREF}}" rel="next">{{t_next}}</a>{{/NEXT}}</nav>
{{/RESULTS}}
