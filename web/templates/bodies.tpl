{{%AUTOESCAPE context="HTML"}}
<h1>{{t_nav_bodies}}</h1>
<ul class="cards">
{{#BODIES}}<li><a href="{{P}}/bodies/{{KEY}}">{{NAME}}</a> <span class="meta">(<bdi class="sym">{{ACRONYM}}</bdi>) · {{MEMBERSHIP}}</span><p>{{DESCRIPTION}}</p></li>{{/BODIES}}
</ul>
