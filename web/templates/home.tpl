{{%AUTOESCAPE context="HTML"}}
<h1>{{t_home_title}}</h1>
<p class="lead">{{t_home_lead}}</p>
<h2>{{t_home_open}}</h2>
{{#NO_OPEN}}<p>{{t_home_none_open}}</p>{{/NO_OPEN}}
<ul class="cards">
{{#OPEN}}<li><a href="{{P}}/consultations/{{ID}}"{{#TITLE_FALLBACK}} lang="{{TITLE_LANG}}"{{/TITLE_FALLBACK}} dir="{{TITLE_DIR}}">{{TITLE_HTML:none}}</a><br><span class="meta">{{BODY}} · {{DEADLINE_LABEL_HTML:none}}</span></li>{{/OPEN}}
</ul>
<h2>{{t_home_bodies}}</h2>
<ul class="cards">
{{#BODIES}}<li><a href="{{P}}/bodies/{{KEY}}"{{#NAME_FALLBACK}} lang="{{NAME_LANG}}"{{/NAME_FALLBACK}} dir="{{NAME_DIR}}">{{NAME_HTML:none}}</a> <span class="meta">(<bdi class="sym">{{ACRONYM}}</bdi>) · {{MEMBERSHIP}}</span></li>{{/BODIES}}
</ul>
<p><a href="{{P}}/consultations">{{t_home_all_consultations}}</a></p>
