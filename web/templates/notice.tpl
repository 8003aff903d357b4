{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
<p class="{{CLASS}}" role="status">{{MESSAGE}}</p>
{{#LOGIN}}<p><a href="{{P}}/login">{{t_login}}</a></p>{{/LOGIN}}
<p><a href="{{P}}/">{{t_back_home}}</a></p>
