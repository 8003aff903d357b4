{{%AUTOESCAPE context="HTML"}}
<h1>{{t_nav_bodies}}</h1>
<ul class="cards">
{{#BODIES}}<li><a href="{{P}}/bodies/{{KEY}}"{{#NAME_FALLBACK}} lang="{{NAME_LANG}}"{{/NAME_FALLBACK}} dir="{{NAME_DIR}}">{{NAME_HTML:none}}</a> <span class="meta">(<bdi class="sym">{{ACRONYM}}</bdi>) · {{MEMBERSHIP}}</span><p{{#DESCRIPTION_FALLBACK}} lang="{{DESCRIPTION_LANG}}"{{/DESCRIPTION_FALLBACK}} dir="{{DESCRIPTION_DIR}}">{{DESCRIPTION_HTML:none}}</p></li>{{/BODIES}}
</ul>
